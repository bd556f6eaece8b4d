import { join } from 'node:path'
import type { Page } from '@playwright/test'
import type { FakePlexServer } from '../../src/fake-plex'
import { createCore } from '../../src/main/core'
import { DEFAULT_SETTINGS } from '../../src/main/service'
import { expect, test } from '../e2e/support/bridge-fixtures'
import { searchInPage } from '../e2e/support/page-bridge'
import type { TestClock } from '../e2e/support/test-clock'
import { scrollToTop, WINDOW_SIZES } from '../e2e/support/viewport-checks'

// `npm run screenshots` (playwright.screenshots.config.ts; never part of `npm test`): the README's
// pictures, taken from the real renderer over the browser bridge against the fake Plex server, for
// each view, in both themes, at the window's minimum size and at a usual one.
// Files: docs/screenshots/<view>-<theme>-<width>x<height>.png, the window only (no full-page captures).

const OUT = join(import.meta.dirname, '../../docs/screenshots')
const TWO_HOURS_MS = 2 * 3600 * 1000

async function shoot(page: Page, view: string, scheme: string, size: string): Promise<void> {
  await scrollToTop(page)
  // Charts animate in: give them a moment to settle before the capture.
  await page.waitForTimeout(600)
  await page.screenshot({ path: join(OUT, `${view}-${scheme}-${size}.png`), animations: 'disabled' })
}

/** Reads by a tool such as the CLI on the same cache file, so the statistics have something to show. */
async function toolReads(dataDir: string, plex: FakePlexServer, clock: TestClock): Promise<void> {
  const tool = createCore({
    dataDir,
    fetch: (url, init) => fetch(url, init),
    clientIdentifier: 'screenshots-tool',
    clientTuning: { retries: 1, sleep: async () => {}, timeoutMs: 5_000 },
    clock: clock.now,
    settings: { ...DEFAULT_SETTINGS, serverUrl: plex.url, token: plex.token, keepWarm: false },
  })
  try {
    for (const library of ['1', '1', '2', '1', '3', '2', '1']) {
      await tool.service.getLibraryItems({ library, limit: 20 }, { consumer: 'cli' })
    }
    await tool.service.search({ library: '1', title: 'the' }, { consumer: 'cli' })
    tool.cache.flushStats()
  } finally {
    await tool.close()
  }
}

for (const size of WINDOW_SIZES) {
  for (const scheme of ['light', 'dark'] as const) {
    test.describe(`${size.name}, ${scheme}`, () => {
      test.use({ viewport: { width: size.width, height: size.height }, colorScheme: scheme })

      test('onboarding', async ({ app, page }) => {
        await app.open()
        await app.expectView('onboarding')
        await shoot(page, 'onboarding', scheme, size.name)
      })

      test('libraries, statistics, inspector, settings, then Plex offline', async ({
        app,
        page,
        plex,
        bridge,
        clock,
        dataDir,
        connectToPlex,
      }) => {
        test.setTimeout(90_000)
        await connectToPlex()
        await bridge.handlers.setSettings({ keepWarm: false })
        await page.clock.install()
        await app.open()
        await app.libraries.waitUntilListed()
        await app.libraries.refreshAll()
        await expect(app.libraries.rows().getByTestId('library-state')).toHaveText(Array(4).fill('Fresh'), {
          timeout: 30_000,
        })
        await toolReads(dataDir, plex, clock)
        await searchInPage(page, '1', 'the')
        // The other process's counts reach the window when it reads them again.
        await page.reload()
        await app.libraries.waitUntilListed()
        await shoot(page, 'libraries', scheme, size.name)

        await page.getByTestId('tab-statistics').click()
        await expect(page.getByTestId('statistics-ready')).toBeVisible()
        await shoot(page, 'statistics', scheme, size.name)

        await page.getByTestId('tab-inspector').click()
        await expect(page.getByTestId('entries-summary')).not.toHaveText('Loading…')
        await page.getByRole('button', { name: 'Browse Movies' }).click()
        await expect(page.getByTestId('item-row').first()).toBeVisible({ timeout: 15_000 })
        await shoot(page, 'inspector', scheme, size.name)

        await app.openTab('settings')
        await app.settings.waitUntilShown()
        await shoot(page, 'settings', scheme, size.name)

        // Plex goes into maintenance after the copies expired: the banner says so, the copies are served.
        await app.openTab('libraries')
        clock.advance(TWO_HOURS_MS)
        await page.clock.fastForward(TWO_HOURS_MS)
        plex.controls.setMaintenance(true)
        await app.libraries.refresh('Movies')
        await expect(app.offlineBanner()).toBeVisible({ timeout: 15_000 })
        // The picture is of the banner and the stale rows: the refresh's own toast is put away.
        for (const dismiss of await page.locator('.toast-dismiss').all()) await dismiss.click()
        await shoot(page, 'offline-banner', scheme, size.name)
      })
    })
  }
}
