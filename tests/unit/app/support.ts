import path from 'node:path'
import { afterEach, expect, vi } from 'vitest'
import { createAppController, type AppController, type AppControllerOptions } from '../../../src/main/app'
import { SettingsStore, type TokenVault } from '../../../src/main/settings'
import type { EventMessage } from '../../../src/shared/contract'
import { tempDir } from '../../support/temp-dir'
import { TestKeychain } from './test-keychain'

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

/**
 * The real controller over a temp directory with instant retries; closed after the test. Like a
 * user a moment after launch, it waits until the saved token has come back from the keychain (or
 * been refused), unless `waitForSavedToken` is false for a test of that moment itself.
 */
export async function openController(
  options: Partial<AppControllerOptions> & { vault?: TokenVault | null; waitForSavedToken?: boolean } = {},
): Promise<{ controller: AppController; events: EventMessage[]; dataDir: string; store: SettingsStore }> {
  const { vault, waitForSavedToken = true, ...controllerOptions } = options
  const dataDir = controllerOptions.dataDir ?? tempDir('plex-cache-app-')
  const store =
    controllerOptions.settingsStore ??
    new SettingsStore({
      file: path.join(dataDir, 'settings.json'),
      vault: vault === undefined ? new TestKeychain() : vault,
    })
  const controller = await createAppController({
    dataDir,
    fetch: (url, init) => fetch(url, init),
    clientTuning: { retries: 1, sleep: async () => {}, timeoutMs: 5_000 },
    demoDataset: SMALL_DEMO,
    ...controllerOptions,
    settingsStore: store,
  })
  open.push(controller)
  const events: EventMessage[] = []
  controller.onEvent((message) => events.push(message))
  if (waitForSavedToken) await vi.waitFor(() => expect(store.tokenAwaitsKeychain).toBe(false))
  return { controller, events, dataDir, store }
}
