import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test as base } from '@playwright/test'
import { startFakePlex, type FakePlexServer } from '../../../src/fake-plex'
import type { TokenVault } from '../../../src/main/settings'
import type { WebBridge } from '../../../src/web-bridge/start-web-bridge'
import { AppPage } from '../pages/app-page'
import { recordPageProblems, type PageProblems } from './page-problems'
import { startWebBridge } from '../../../src/web-bridge/start-web-bridge'
import { TestClock } from './test-clock'

/**
 * A stand-in keychain, so a saved token survives like it would with safeStorage and the window
 * shows no "session only" warning. Reversible on purpose: it guards nothing, it only stands in.
 */
const testVault: TokenVault = {
  isEncryptionAvailable: async () => true,
  encrypt: async (plain) => Buffer.from(plain, 'utf8').reverse(),
  decrypt: async (data) => ({ plain: Buffer.from(data).reverse().toString('utf8'), shouldReEncrypt: false }),
}

/** A small demo library: the demo flow is what is under test, not the size of its data. */
const SMALL_DEMO = { movies: 120, shows: 4, artists: 3, photos: 6 }

interface BridgeFixtures {
  /** A fresh, empty data directory, removed after the test. */
  dataDir: string
  /** The fake Plex server on loopback (250 movies in section "1", "Movies"). */
  plex: FakePlexServer
  /** The real core behind the built renderer, in this worker, on an ephemeral loopback port. */
  bridge: WebBridge
  problems: PageProblems
  app: AppPage
  /** The core's clock: real time until a test advances it. */
  clock: TestClock
  /** Saves the fake server and its token as the settings, as a finished onboarding would. */
  connectToPlex: () => Promise<void>
}

export const test = base.extend<BridgeFixtures>({
  // Playwright reads the fixture's parameters by destructuring, so the empty pattern is required.
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'plex-cache-e2e-'))
    await use(dir)
    await rm(dir, { recursive: true, force: true })
  },
  // eslint-disable-next-line no-empty-pattern
  plex: async ({}, use) => {
    const server = await startFakePlex()
    await use(server)
    await server.close()
  },
  // eslint-disable-next-line no-empty-pattern
  clock: async ({}, use) => {
    await use(new TestClock())
  },
  bridge: async ({ dataDir, clock }, use) => {
    const bridge = await startWebBridge({
      dataDir,
      vault: testVault,
      clock: clock.now,
      demoDataset: SMALL_DEMO,
      clientTuning: { retries: 1, sleep: async () => {}, timeoutMs: 5_000 },
    })
    await use(bridge)
    await bridge.close()
  },
  problems: async ({ page }, use) => {
    await use(await recordPageProblems(page))
  },
  app: async ({ page, bridge, problems }, use) => {
    await use(new AppPage(page, bridge.url, problems))
  },
  connectToPlex: async ({ bridge, plex }, use) => {
    await use(async () => {
      const saved = await bridge.handlers.setSettings({ serverUrl: plex.url, token: plex.token })
      if (!saved.ok) throw new Error(`could not connect to the fake Plex server: ${saved.error.message}`)
    })
  },
})

export { expect } from '@playwright/test'
