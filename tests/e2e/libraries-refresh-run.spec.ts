import { expect, test } from './support/bridge-fixtures'
import { listLibrariesInPage } from './support/page-bridge'

// Issue 13 §3: "Refresh all" says which library it is on and which wait, ends with each library's
// outcome on its row, and has a Cancel that stops the fetch under way and keeps the cached copy.

test('Refresh all shows "Movies (1 of 4)" with the rest waiting, then each outcome; Cancel keeps the copies', async ({
  app,
  plex,
  page,
  connectToPlex,
}, testInfo) => {
  await connectToPlex()
  await app.open()
  await app.libraries.waitUntilListed()

  // Slow pages, so the run is long enough to watch: 250 movies in pages of 25, each 300 ms late.
  plex.controls.setMaxPageSize(25)
  plex.controls.setLatency(300)
  await app.libraries.refreshAll()
  await expect(app.libraries.runStatus()).toHaveText('Refreshing Movies (1 of 4)')
  await expect(app.libraries.state('TV Shows')).toHaveText('Waiting')
  await expect(app.libraries.waiting('TV Shows')).toHaveText('2 of 4 in Refresh all')
  await expect(app.libraries.waiting('Photos')).toHaveText('4 of 4 in Refresh all')
  // The queued libraries show no progress bar; only the one being fetched does.
  await expect(app.libraries.rows().getByRole('progressbar')).toHaveCount(1)
  await expect(app.libraries.progress('Movies')).toHaveAttribute('aria-valuemax', '250')
  await page.screenshot({ path: testInfo.outputPath('refresh-all-running.png'), fullPage: true })
  await expect(app.libraries.runStatus()).toHaveText('Refreshing TV Shows (2 of 4)', { timeout: 20_000 })
  await expect(app.libraries.outcome('Movies')).toHaveText('Fetched from Plex')
  await expect(app.libraries.state('Music')).toHaveText('Waiting')
  plex.controls.reset()

  // Music fails: the outcome says why on its row, and the others still finish.
  plex.controls.setForcedStatus('/library/sections/3/', 400)
  await expect(app.libraries.runStatus()).toHaveText(/^Refresh all finished: 4 libraries/, {
    timeout: 20_000,
  })
  await expect(app.libraries.runStatus()).toHaveText(
    'Refresh all finished: 4 libraries, 3 fetched, 1 failed.',
  )
  await expect(app.libraries.outcome('TV Shows')).toHaveText('Fetched from Plex')
  await expect(app.libraries.outcome('Music')).toHaveText(/^Failed: .+/)
  await expect(app.libraries.outcome('Music')).toHaveAttribute('data-outcome', 'failed')
  await expect(app.libraries.outcome('Photos')).toHaveText('Fetched from Plex')
  await expect(page.getByTestId('refresh-cancel')).toHaveCount(0)
  await page.screenshot({ path: testInfo.outputPath('refresh-all-outcomes.png'), fullPage: true })
  plex.controls.reset()

  // Nothing changed on the server: a change-aware Refresh all says so, row by row.
  await app.libraries.refreshAll()
  await expect(app.libraries.runStatus()).toHaveText(
    'Refresh all finished: 4 libraries, 3 unchanged, 1 fetched.',
  )
  await expect(app.libraries.outcome('Movies')).toHaveText('Unchanged on the server')
  await expect(app.libraries.outcome('Music')).toHaveText('Fetched from Plex')

  // Cancel in the middle of refetching Movies: its Plex requests stop and the cached copy stays.
  const before = await listLibrariesInPage(page)
  plex.controls.setMaxPageSize(25)
  plex.controls.setLatency(300)
  plex.controls.clearRequestLog()
  await app.libraries.refetchAll()
  await expect(app.libraries.progress('Movies')).not.toHaveAttribute('aria-valuenow', '0')
  await app.libraries.cancelRefresh()
  await expect(app.libraries.runStatus()).toHaveText('Refresh all stopped: 4 libraries, 4 cancelled.')
  await expect(app.libraries.outcome('Movies')).toHaveText('Cancelled; the cached copy was kept')
  await expect(app.libraries.outcome('Photos')).toHaveText('Cancelled; the cached copy was kept')
  await expect(app.libraries.state('Movies')).toHaveText('Fresh')
  await expect(app.libraries.itemCount('Movies')).toHaveText('250')
  const after = await listLibrariesInPage(page)
  expect(after.map((row) => [row.key, row.itemCount, row.fetchedAt])).toEqual(
    before.map((row) => [row.key, row.itemCount, row.fetchedAt]),
  )
  // Movies stopped part way (ten pages would have been asked), and the later libraries were never asked.
  await page.waitForTimeout(700)
  const asked = plex.controls.requestLog().map((entry) => entry.path)
  expect(asked.filter((path) => path === '/library/sections/1/all').length).toBeLessThan(10)
  expect(asked.filter((path) => /^\/library\/sections\/[234]\//.test(path))).toEqual([])
  await page.screenshot({ path: testInfo.outputPath('refresh-all-cancelled.png'), fullPage: true })
  plex.controls.reset()
  expect(app.problems.messages).toEqual([])
})
