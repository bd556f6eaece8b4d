import { BridgeCalls } from './support/bridge-calls'
import { expect, test } from './support/bridge-fixtures'

// tsconfig.node.json has no DOM types; the page's few members used here are declared locally.
type PageGlobals = {
  document: { dispatchEvent(event: unknown): boolean }
  Event: new (type: string) => unknown
}

// Issue 13 §7: one data layer. What the window reads for each change, seen from the browser's
// side of the bridge, and the one clock behind every countdown.

test("a change made outside the window (the tray's Clear cache) reads each shown operation once", async ({
  app,
  page,
  bridge,
  connectToPlex,
}) => {
  const calls = new BridgeCalls(page)
  await connectToPlex()
  await app.open()
  await app.libraries.waitUntilListed()
  await app.libraries.refresh('Movies')
  await expect(app.libraries.itemCount('Movies')).toHaveText('250', { timeout: 15_000 })
  await calls.settled()

  // The header and the Libraries view (rows, cache summary) are all on screen: one 'changed'
  // event, one read of the rows and one of the statistics.
  calls.reset()
  const cleared = await bridge.handlers.clear(undefined)
  expect(cleared.ok).toBe(true)
  await expect(app.libraries.itemCount('Movies')).not.toHaveText('250')
  await calls.settled()
  expect(calls.snapshot()).toEqual({ listLibraries: 1, stats: 1 })
  expect(app.problems.messages).toEqual([])
})

test('countdowns tick together from one clock, which rests while the window is hidden', async ({
  app,
  page,
  connectToPlex,
}) => {
  await connectToPlex()
  await app.open()
  await app.libraries.waitUntilListed()
  await app.libraries.refresh('Movies')
  await app.libraries.refresh('TV Shows')
  const movies = app.libraries.countdown('Movies')
  await expect(movies).toHaveText(/^\d+:\d\d/, { timeout: 15_000 })
  const before = await movies.textContent()
  await expect(movies).not.toHaveText(before ?? '', { timeout: 3_000 })

  // Hidden (minimised, another desktop): the clock stops, so nothing on screen moves.
  await page.evaluate(() => {
    const { document, Event } = globalThis as unknown as PageGlobals
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true })
    document.dispatchEvent(new Event('visibilitychange'))
  })
  const frozen = await app.libraries.secondsLeft('Movies')
  const frozenShows = await app.libraries.secondsLeft('TV Shows')
  await page.waitForTimeout(2_500)
  expect(await app.libraries.secondsLeft('Movies')).toBe(frozen)
  expect(await app.libraries.secondsLeft('TV Shows')).toBe(frozenShows)

  // Shown again: the countdowns jump to the present at once instead of waiting for a tick.
  await page.evaluate(() => {
    const { document, Event } = globalThis as unknown as PageGlobals
    Reflect.deleteProperty(document, 'hidden')
    document.dispatchEvent(new Event('visibilitychange'))
  })
  await expect
    .poll(() => app.libraries.secondsLeft('Movies'), { timeout: 500, intervals: [50] })
    .toBeLessThanOrEqual(frozen - 2)
  // One clock: both libraries' countdowns moved on together (read in one go, so no tick falls
  // between them). The jump on showing is not a whole number of seconds, and the two libraries
  // expire at different fractions of a second, so their rounded displays may differ by one.
  const [moviesNow, showsNow] = (
    await page.locator('[data-testid="library-countdown"]:not(.countdown-none)').allTextContents()
  ).map(seconds)
  expect(Math.abs(frozen - moviesNow! - (frozenShows - showsNow!))).toBeLessThanOrEqual(1)
  expect(frozenShows - showsNow!).toBeGreaterThanOrEqual(2)
  expect(app.problems.messages).toEqual([])
})

/** Seconds left in a countdown's "m:ss" or "h:mm:ss" text. */
function seconds(text: string): number {
  return text.split(':').reduce((total, part) => total * 60 + Number(part), 0)
}
