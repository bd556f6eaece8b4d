import path from 'node:path'
import { afterEach } from 'vitest'
import { createAppController, type AppController, type AppControllerOptions } from '../../../src/main/app'
import { SettingsStore, type TokenVault } from '../../../src/main/settings'
import type { EventMessage } from '../../../src/shared/contract'
import { tempDir } from '../../support/temp-dir'

const open: AppController[] = []

afterEach(async () => {
  await Promise.all(open.splice(0).map((controller) => controller.close()))
})

/** A small demo library, so demo-mode tests start in milliseconds. */
export const SMALL_DEMO = {
  movies: 40,
  shows: 2,
  seasonsPerShow: 1,
  episodesPerSeason: 3,
  artists: 2,
  photos: 0,
}

/** Plays the OS keychain's part (Electron's safeStorage). */
export const keychain: TokenVault = {
  isEncryptionAvailable: () => true,
  encrypt: (plain) => Buffer.from(plain).reverse(),
  decrypt: (data) => Buffer.from(data).reverse().toString(),
}

/** The real controller over a temp directory with instant retries; closed after the test. */
export async function openController(
  options: Partial<AppControllerOptions> & { vault?: TokenVault | null } = {},
): Promise<{ controller: AppController; events: EventMessage[]; dataDir: string; store: SettingsStore }> {
  const dataDir = options.dataDir ?? tempDir('plex-cache-app-')
  const store =
    options.settingsStore ??
    new SettingsStore({
      file: path.join(dataDir, 'settings.json'),
      vault: options.vault === undefined ? keychain : options.vault,
    })
  const controller = await createAppController({
    dataDir,
    fetch: (url, init) => fetch(url, init),
    clientTuning: { retries: 1, sleep: async () => {}, timeoutMs: 5_000 },
    demoDataset: SMALL_DEMO,
    ...options,
    settingsStore: store,
  })
  open.push(controller)
  const events: EventMessage[] = []
  controller.onEvent((message) => events.push(message))
  return { controller, events, dataDir, store }
}
