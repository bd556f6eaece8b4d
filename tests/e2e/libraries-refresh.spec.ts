import { expect, test } from './support/bridge-fixtures'
import { listLibrariesInPage } from './support/page-bridge'

// Flow 2: refreshing a library shows its progress, then its item count and a live countdown.

test('refreshing shows a progress bar, then the item count and a countdown that ticks', async ({
  app,
  plex,
  page,
  connectToPlex,
}, testInfo) => {
  await connectToPlex()
  await app.open()
  await app.libraries.waitUntilListed()
  await expect(app.libraries.state('Movies')).toHaveText('Not cached')
  await expect(app.libraries.countdown('Movies')).toHaveText('—')
  await expect(app.libraries.fetched('Movies')).toHaveText('never fetched')

  // Small pages, each a little slow, so the refresh is long enough to watch its progress bar fill.
  plex.controls.setMaxPageSize(25)
  plex.controls.setLatency(250)
  await app.libraries.refresh('Movies')
  await expect(app.libraries.progress('Movies')).toHaveAttribute('aria-valuemax', '250')
  await expect(app.libraries.progress('Movies')).not.toHaveAttribute('aria-valuenow', '0')
  await expect(app.libraries.row('Movies').getByTestId('library-progress')).toContainText(/\d+ \/ 250/)
  await page.screenshot({ path: testInfo.outputPath('libraries-refreshing.png'), fullPage: true })
  await expect(app.libraries.itemCount('Movies')).toHaveText('250')
  plex.controls.reset()

  await expect(app.libraries.state('Movies')).toHaveText('Fresh')
  await expect(app.libraries.fetched('Movies')).toHaveText('fetched just now')
  // The default library TTL is an hour: the countdown starts just under "1:00:00" and ticks locally.
  const first = await app.libraries.secondsLeft('Movies')
  expect(first).toBeGreaterThan(3590)
  expect(first).toBeLessThanOrEqual(3600)
  // The window's one clock ticks on whole seconds, so the first tick may take up to two.
  await expect.poll(() => app.libraries.secondsLeft('Movies'), { timeout: 3_000 }).toBeLessThan(first)
  await expect(app.libraries.countdown('Movies')).toHaveText(/^59:\d\d$/)

  // The count came from SQLite through the core, not from the page.
  const movies = (await listLibrariesInPage(page)).find((row) => row.key === '1')
  expect(movies).toMatchObject({ itemCount: 250, state: 'fresh' })
  await expect(app.libraries.cacheSize()).toContainText(/KB|MB/)

  await app.libraries.refreshAll()
  await expect(app.libraries.itemCount('TV Shows')).toHaveText('60') // 5 shows × 2 seasons × 6 episodes
  await expect(app.libraries.rows().getByTestId('library-state')).toHaveText(Array(4).fill('Fresh'))

  await page.screenshot({ path: testInfo.outputPath('libraries-light.png'), fullPage: true })
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.screenshot({ path: testInfo.outputPath('libraries-dark.png'), fullPage: true })
  expect(app.problems.messages).toEqual([])
})
