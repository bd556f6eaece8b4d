import type { PlexCacheBridge } from '../../src/shared/contract'
import { InspectorPage } from './pages/inspector-page'
import { expect, test } from './support/bridge-fixtures'

// Issue 11, point 2: while Plex is down, the inspector lists and browses the expired copies kept
// for stale serving, and find-by-file answers from them, each marked stale.

type PageGlobals = { plexCache: PlexCacheBridge }
const TWO_HOURS_MS = 2 * 3600 * 1000

test('with Plex down and the copy expired, the inspector lists, browses and finds in the stale copy', async ({
  app,
  plex,
  page,
  bridge,
  clock,
  connectToPlex,
}) => {
  await connectToPlex()
  await bridge.handlers.setSettings({ keepWarm: false })
  await page.clock.install()
  await app.open()
  await app.libraries.waitUntilListed()
  await app.libraries.refresh('Movies')
  await expect(app.libraries.state('Movies')).toHaveText('Fresh')
  const first = await page.evaluate(() =>
    (globalThis as unknown as PageGlobals).plexCache.getLibraryItems({ library: '1', limit: 1 }),
  )
  const path = first.ok ? first.value.items[0]?.files[0]?.path : undefined
  expect(path).toBeDefined()

  clock.advance(TWO_HOURS_MS)
  await page.clock.fastForward(TWO_HOURS_MS)
  plex.controls.setMaintenance(true)
  await app.libraries.refresh('Movies')
  await expect(app.libraries.state('Movies')).toHaveText('Stale · offline')

  const inspector = new InspectorPage(page)
  await inspector.open()
  await expect(inspector.entry('library', 'Movies')).toHaveAttribute('data-state', 'stale')
  await expect(inspector.entry('library', 'Movies').getByTestId('entry-stale')).toBeVisible()
  await inspector.entry('library', 'Movies').getByTestId('entry-browse').click()
  await expect(inspector.rows().first()).toBeVisible()

  await inspector.findByFile(path ?? '')
  await expect(inspector.findResults()).toHaveCount(1)
  await expect(inspector.findResults().first().getByTestId('find-result-stale')).toContainText(
    /stale fetched 2h 00m ago, Plex could not be asked/,
  )
})
