import type { Page } from '@playwright/test'
import type { FakePlexServer } from '../../src/fake-plex'
import { createCore, type Core } from '../../src/main/core'
import { DEFAULT_SETTINGS } from '../../src/main/service'
import type { PlexCacheBridge } from '../../src/shared/contract'
import { StatsPage } from './pages/stats-page'
import { expect, test } from './support/bridge-fixtures'
import type { TestClock } from './support/test-clock'

// Flow 3: reads by a tool elsewhere (like the CLI) move the chart and the totals; the window's own
// browsing is inspection, counted apart and never as a hit.

type PageGlobals = { plexCache: PlexCacheBridge }

const TOOL = { consumer: 'cli' }

/** Another process's core on the same cache file, as the CLI opens it, on the test's clock. */
function openTool(dataDir: string, plex: FakePlexServer, clock: TestClock): Core {
  return createCore({
    dataDir,
    fetch: (url, init) => fetch(url, init),
    clientIdentifier: 'e2e-stats-tool',
    clientTuning: { retries: 1, sleep: async () => {}, timeoutMs: 5_000 },
    clock: clock.now,
    settings: { ...DEFAULT_SETTINGS, serverUrl: plex.url, token: plex.token, keepWarm: false },
  })
}

/** One page of a library read by the tool; its counts are written at once, as the CLI does at exit. */
async function toolReads(tool: Core, library = '1'): Promise<string> {
  const result = await tool.service.getLibraryItems({ library, limit: 20 }, TOOL)
  tool.cache.flushStats()
  return result.source
}

async function toolSearches(tool: Core, title: string): Promise<void> {
  await tool.service.search({ library: '1', title }, TOOL)
  tool.cache.flushStats()
}

/** Another process's counts reach the window when it reads them again: here, by a reload. */
async function showLatest(page: Page, stats: StatsPage): Promise<void> {
  await page.reload()
  await stats.open()
}

/** The window's own Inspector read, through the page's window.plexCache. */
async function windowReads(page: Page, library = '1'): Promise<string> {
  return page.evaluate(async (library) => {
    const result = await (globalThis as unknown as PageGlobals).plexCache.getLibraryItems({
      library,
      limit: 20,
    })
    return result.ok ? result.value.source : `error: ${result.error.message}`
  }, library)
}

test("reads by a tool move the chart and the totals, the window's browsing does not; reset asks first", async ({
  app,
  bridge,
  clock,
  connectToPlex,
  dataDir,
  page,
  plex,
}, testInfo) => {
  await connectToPlex()
  await app.open()
  const stats = new StatsPage(page)
  await stats.open()
  const tool = openTool(dataDir, plex, clock)

  await expect(stats.total('hits')).toHaveText('0')
  await expect(stats.total('misses')).toHaveText('0')
  await expect(stats.historySummary()).toContainText('0 hits and 0 misses')
  await expect(stats.historyBars()).toHaveCount(0)

  // The tool's first read is a miss that fetches from Plex.
  expect(await toolReads(tool)).toBe('plex')
  await showLatest(page, stats)
  await expect(stats.total('misses')).toHaveText('1')
  await expect(stats.historyChart()).toHaveAttribute('data-misses', '1')
  await expect(stats.total('hits')).toHaveText('0')
  expect(await stats.totalNumber('plex-requests')).toBeGreaterThan(0)

  // Its second is a hit served from SQLite: the section list and one page spared.
  expect(await toolReads(tool)).toBe('cache')
  await showLatest(page, stats)
  await expect(stats.total('hits')).toHaveText('1')
  await expect(stats.historyChart()).toHaveAttribute('data-hits', '1')
  await expect(stats.total('misses')).toHaveText('1')
  await expect(stats.total('plex-avoided')).toHaveText('2')
  await expect(stats.total('hit-rate')).toHaveText(/%$/)
  await expect(stats.consumerRow('cli').getByTestId('consumer-hits')).toHaveText('1')
  await expect(stats.consumerRow('cli').getByTestId('consumer-misses')).toHaveText('1')
  await expect(stats.consumerRow('cli').getByTestId('consumer-avoided')).toHaveText('2')
  await expect(stats.inspectionReads()).toContainText(': 0')

  // The window's own browsing is shown live as inspection, and moves no hit, miss or request avoided.
  expect(await windowReads(page)).toBe('cache')
  expect(await windowReads(page, '2')).toBe('plex')
  await expect(stats.inspectionReads()).toContainText(': 2')
  await expect(stats.total('hits')).toHaveText('1')
  await expect(stats.total('misses')).toHaveText('1')
  await expect(stats.total('plex-avoided')).toHaveText('2')

  // Both of the tool's reads appear as drawn bars, in the screen-reader table, and on Movies' bar.
  expect(await stats.historyBars().count()).toBeGreaterThan(0)
  await expect(stats.historyTableRows()).not.toHaveCount(0)
  await expect(stats.libraryRow('Movies').getByTestId('library-hits')).toHaveText('1')
  await expect(stats.libraryRow('Movies').getByTestId('library-misses')).toHaveText('1')
  await expect(stats.libraryRow('TV Shows').getByTestId('library-hits')).toHaveText('0')
  expect(await stats.libraryChartBars().count()).toBeGreaterThan(0)

  await stats.chooseRange('day')
  await expect(stats.historySummary()).toContainText('Last day: 1 hit and')
  await stats.chooseRange('hour')
  await expect(stats.historySummary()).toContainText('Last hour: 1 hit and')

  // The tool's traffic spread over the next 40 minutes of the clock, over two libraries, so the
  // screenshots show a chart with some history and a hit rate that moves.
  await toolReads(tool, '2')
  for (let step = 0; step < 8; step++) {
    clock.advance(5 * 60_000)
    for (let read = 0; read <= step % 3; read++) await toolReads(tool, step % 2 === 0 ? '1' : '2')
    if (step % 3 === 1) await toolSearches(tool, `title ${step}`)
  }
  await tool.close()
  await showLatest(page, stats)
  const after = await bridge.handlers.stats(undefined)
  if (!after.ok) throw new Error(after.error.message)
  await expect(stats.total('hits')).toHaveText(String(after.value.hits))
  await expect(stats.total('misses')).toHaveText(String(after.value.misses))
  // Nine bursts of the tool's reads, five clock-minutes apart. The clock is real time plus the
  // advances, so a burst can straddle a real minute boundary and land in two buckets: the table
  // must show exactly the buckets main recorded reads in.
  const history = await bridge.handlers.statsHistory({ range: 'hour' })
  if (!history.ok) throw new Error(history.error.message)
  const activeBuckets = history.value.filter((bucket) => bucket.hits + bucket.misses > 0).length
  expect(activeBuckets).toBeGreaterThanOrEqual(9)
  expect(activeBuckets).toBeLessThanOrEqual(11)
  await expect(stats.historyTableRows()).toHaveCount(activeBuckets)

  // Hovering a bar explains its bucket; recharts positions the tooltip without inline <style>.
  await stats.historyBars().last().hover()
  await expect(stats.tooltip()).toContainText('Hit rate')
  await stats.historyChart().screenshot({ path: testInfo.outputPath('statistics-tooltip.png') })
  await page.mouse.move(0, 0)

  await page.screenshot({ path: testInfo.outputPath('statistics-light.png'), fullPage: true })
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.screenshot({ path: testInfo.outputPath('statistics-dark.png'), fullPage: true })
  await page.emulateMedia({ colorScheme: 'light' })

  // Reset asks first: Escape keeps everything.
  await stats.resetButton().click()
  await expect(stats.dialog()).toBeVisible()
  await expect(stats.dialog().getByTestId('dialog-cancel')).toBeFocused()
  await page.screenshot({ path: testInfo.outputPath('statistics-reset-dialog.png') })
  await page.keyboard.press('Escape')
  await expect(stats.dialog()).toBeHidden()
  await expect(stats.resetButton()).toBeFocused()
  await expect(stats.total('hits')).toHaveText(String(after.value.hits))

  await stats.resetButton().click()
  await stats.confirmReset()
  await expect(stats.dialog()).toBeHidden()
  await expect(stats.total('hits')).toHaveText('0')
  await expect(stats.total('misses')).toHaveText('0')
  await expect(stats.historyBars()).toHaveCount(0)
  await expect(stats.libraryRow('Movies').getByTestId('library-hits')).toHaveText('0')
  await expect(stats.inspectionReads()).toContainText(': 0')
  await expect(page.getByTestId('consumer-table-empty')).toBeVisible()

  expect(app.problems.messages).toEqual([])
})
