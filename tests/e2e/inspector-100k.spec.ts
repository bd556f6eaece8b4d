import { startFakePlex } from '../../src/fake-plex'
import { InspectorPage } from './pages/inspector-page'
import { BridgeCalls } from './support/bridge-calls'
import { expect, test as base } from './support/bridge-fixtures'

// Issue 13 §7: the item browser's pages come from the query cache. Over 100,000 movies it asks
// only for the pages it shows, keeps the ones it showed, and a jump anywhere shows rows at once.

const MOVIES = 100_000

const test = base.extend<{ inspector: InspectorPage }>({
  // eslint-disable-next-line no-empty-pattern
  plex: async ({}, use) => {
    const server = await startFakePlex({ dataset: { movies: MOVIES, shows: 0, artists: 0, photos: 0 } })
    await use(server)
    await server.close()
  },
  inspector: async ({ page }, use) => {
    await use(new InspectorPage(page))
  },
})

test('scrolls a 100,000-item library asking only for the pages it shows, and reuses them', async ({
  app,
  page,
  bridge,
  connectToPlex,
  inspector,
}) => {
  test.setTimeout(240_000)
  const calls = new BridgeCalls(page)
  await connectToPlex()
  await app.open()
  await app.libraries.waitUntilListed()
  await app.libraries.refresh('Movies')
  await expect(app.libraries.itemCount('Movies')).toHaveText(MOVIES.toLocaleString('en-US'), {
    timeout: 180_000,
  })
  await inspector.open()
  await expect(inspector.grid()).toHaveAttribute('data-total', String(MOVIES))
  await calls.settled()
  calls.reset()

  // The grid is its own scroll region (one tab stop, named, focusable for the keyboard).
  const scroller = inspector.grid()
  const titleAt = async (offset: number) => {
    const page = await bridge.handlers.getLibraryItems({ library: '1', offset, limit: 1 })
    if (!page.ok || page.value.items[0] === undefined) throw new Error(`no item at ${offset}`)
    return page.value.items[0].title
  }
  /** Scrolls so that row `index` is at the top, and returns how long until its title shows. */
  const jumpTo = async (index: number) => {
    const title = await titleAt(index)
    const started = Date.now()
    await scroller.evaluate((element, top) => (element.scrollTop = top), index * 36)
    await expect(inspector.row(title).first()).toBeVisible({ timeout: 5_000 })
    return Date.now() - started
  }

  // A jump to the middle, then a fast flick through the list in twenty steps, then the end.
  const timings = [await jumpTo(50_000)]
  for (let step = 1; step <= 20; step++) {
    await scroller.evaluate((element, top) => (element.scrollTop = top), step * 4_900 * 36)
    await page.waitForTimeout(30)
  }
  timings.push(await jumpTo(MOVIES - 20))
  await calls.settled()
  // Pages of 200 rows, only near what was on screen: never the whole library (500 pages).
  const asked = calls.count('getLibraryItems')
  expect(asked).toBeLessThanOrEqual(3 * 22)
  console.log(`100,000 items: ${asked} page reads; rows shown ${timings.join(' ms, ')} ms after each jump`)

  // Back to the middle: its pages are kept, so nothing is read again.
  calls.reset()
  await jumpTo(50_000)
  await calls.settled()
  expect(calls.count('getLibraryItems')).toBe(0)
  expect(Math.max(...timings)).toBeLessThan(2_000)
  expect(app.problems.messages).toEqual([])
})
