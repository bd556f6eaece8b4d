import type { Page } from '@playwright/test'
import type { PlexCacheBridge } from '../../src/shared/contract'
import { StatsPage } from './pages/stats-page'
import { expect, test } from './support/bridge-fixtures'

// Flow 3: a cache miss and a cache hit made elsewhere move the chart and the totals, live.

type PageGlobals = { plexCache: PlexCacheBridge }

/** Reads one page of a library through the page's own window.plexCache, as any view would. */
async function readLibrary(page: Page, library = '1'): Promise<string> {
  return page.evaluate(async (library) => {
    const result = await (globalThis as unknown as PageGlobals).plexCache.getLibraryItems({
      library,
      limit: 20,
    })
    return result.ok ? result.value.source : `error: ${result.error.message}`
  }, library)
}

/** A title search in the Movies library: a miss the first time each title is asked for. */
async function search(page: Page, title: string): Promise<void> {
  await page.evaluate(async (title) => {
    await (globalThis as unknown as PageGlobals).plexCache.search({ library: '1', title })
  }, title)
}

test('a miss and a hit move the chart and the totals; reset asks first', async ({
  app,
  bridge,
  clock,
  connectToPlex,
  page,
}, testInfo) => {
  await connectToPlex()
  await app.open()
  const stats = new StatsPage(page)
  await stats.open()

  await expect(stats.total('hits')).toHaveText('0')
  await expect(stats.total('misses')).toHaveText('0')
  await expect(stats.historySummary()).toContainText('0 hits and 0 misses')
  await expect(stats.historyBars()).toHaveCount(0)

  // The first read is a miss that fetches from Plex; the view follows without a reload.
  expect(await readLibrary(page)).toBe('plex')
  await expect(stats.total('misses')).not.toHaveText('0')
  await expect(stats.historyChart()).not.toHaveAttribute('data-misses', '0')
  await expect(stats.total('hits')).toHaveText('0')
  const missesAfterMiss = await stats.totalNumber('misses')
  expect(await stats.totalNumber('plex-requests')).toBeGreaterThan(0)

  // The second is a hit served from SQLite.
  expect(await readLibrary(page)).toBe('cache')
  await expect(stats.total('hits')).toHaveText('1')
  await expect(stats.historyChart()).toHaveAttribute('data-hits', '1')
  expect(await stats.totalNumber('misses')).toBe(missesAfterMiss)
  await expect(stats.total('plex-avoided')).not.toHaveText('0')
  await expect(stats.total('hit-rate')).toHaveText(/%$/)

  // Both appear as drawn bars, in the screen-reader table, and on the Movies library's bar.
  expect(await stats.historyBars().count()).toBeGreaterThan(0)
  await expect(stats.historyTableRows()).not.toHaveCount(0)
  await expect(stats.libraryRow('Movies').getByTestId('library-hits')).toHaveText('1')
  await expect(stats.libraryRow('Movies').getByTestId('library-misses')).toHaveText(String(missesAfterMiss))
  await expect(stats.libraryRow('TV Shows').getByTestId('library-hits')).toHaveText('0')
  expect(await stats.libraryChartBars().count()).toBeGreaterThan(0)

  await stats.chooseRange('day')
  await expect(stats.historySummary()).toContainText('Last day: 1 hit and')
  await stats.chooseRange('hour')
  await expect(stats.historySummary()).toContainText('Last hour: 1 hit and')

  // Traffic spread over the next 40 minutes of the core's clock, over two libraries, so the
  // screenshots show a chart with some history and a hit rate that moves.
  await readLibrary(page, '2')
  for (let step = 0; step < 8; step++) {
    clock.advance(5 * 60_000)
    for (let read = 0; read <= step % 3; read++) await readLibrary(page, step % 2 === 0 ? '1' : '2')
    if (step % 3 === 1) await search(page, `title ${step}`)
  }
  const after = await bridge.handlers.stats(undefined)
  if (!after.ok) throw new Error(after.error.message)
  await expect(stats.total('hits')).toHaveText(String(after.value.hits))
  await expect(stats.total('misses')).toHaveText(String(after.value.misses))
  await expect(stats.historyTableRows()).toHaveCount(9)

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
  await expect(stats.dialog().getByTestId('reset-stats-cancel')).toBeFocused()
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

  expect(app.problems.messages).toEqual([])
})
