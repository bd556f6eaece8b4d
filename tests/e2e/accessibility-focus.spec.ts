import type { Page } from '@playwright/test'
import type { PlexCacheBridge } from '../../src/shared/contract'
import { StatsPage } from './pages/stats-page'
import { expect, test } from './support/bridge-fixtures'

// Issue 13 §5: where keyboard focus goes, and what a screen reader is told.

type PageGlobals = { plexCache: PlexCacheBridge }
/** The little of the DOM the tab walk reads (the suite's TypeScript has no DOM library). */
interface FocusedElement {
  tagName: string
  textContent: string | null
  getAttribute(name: string): string | null
  closest(selector: string): unknown
}
type PageDocument = { document: { body: { focus(): void }; activeElement: FocusedElement | null } }

/** Tabs through the whole page once and describes every element that took focus. */
async function tabStops(page: Page, limit = 80): Promise<{ name: string; inChart: boolean }[]> {
  await page.evaluate(() => (globalThis as unknown as PageDocument).document.body.focus())
  const stops: { name: string; inChart: boolean }[] = []
  for (let press = 0; press < limit; press++) {
    await page.keyboard.press('Tab')
    const stop = await page.evaluate(() => {
      const active = (globalThis as unknown as PageDocument).document.activeElement
      if (active === null || active.tagName === 'BODY') return null
      return {
        name: `${active.tagName.toLowerCase()} ${active.getAttribute('aria-label') ?? active.textContent?.trim().slice(0, 30) ?? ''}`,
        inChart: active.closest('.recharts-wrapper') !== null,
      }
    })
    if (stop === null) break
    if (stops.some((seen) => seen.name === stop.name) && stops.length > 3) break
    stops.push(stop)
  }
  return stops
}

test('the statistics charts add no tab stops; their figures are in the tables beside them', async ({
  app,
  page,
  bridge,
  connectToPlex,
}) => {
  await connectToPlex()
  expect((await bridge.handlers.refreshLibrary({ library: '1' })).ok).toBe(true)
  await app.open()
  await app.libraries.waitUntilListed()
  await page.evaluate(() =>
    (globalThis as unknown as PageGlobals).plexCache.search({ library: '1', title: 'the' }),
  )
  const stats = new StatsPage(page)
  await stats.open()
  await expect(stats.historyChart().locator('svg').first()).toBeVisible()

  const stops = await tabStops(page)
  expect(stops.length).toBeGreaterThan(3)
  expect(stops.filter((stop) => stop.inChart)).toEqual([])
  await expect(page.getByTestId('library-table')).toBeAttached()
})

test('the libraries table exposes its column headers: each row is read as cells under them', async ({
  app,
  page,
  connectToPlex,
}) => {
  await page.setViewportSize({ width: 1100, height: 720 })
  await connectToPlex()
  await app.open()
  await app.libraries.waitUntilListed()
  const table = page.getByRole('table', { name: 'Libraries' })
  await expect(table.getByRole('columnheader')).toHaveText([
    'Library',
    'State',
    'Items',
    'Size',
    'Expires in',
    'Actions',
  ])
  const movies = table.getByRole('row', { name: 'Movies', exact: true })
  await expect(movies.getByRole('rowheader')).toContainText('Movies')
  await expect(movies.getByRole('cell')).toHaveCount(5)
  await expect(movies.getByRole('cell').last().getByRole('button', { name: 'Refresh Movies' })).toBeVisible()
})

test('Connect moves focus to the new view heading, not the page body', async ({ app, page, plex }) => {
  await app.open()
  await app.onboarding.fill(plex.url, plex.token)
  await app.onboarding.connect()
  await app.expectView('libraries')
  await expect(page.getByRole('heading', { name: 'Libraries', level: 2 })).toBeFocused()
})

test('Demo moves focus to the new view heading, not the page body', async ({ app, page }) => {
  await app.open()
  await app.onboarding.useDemo()
  await app.expectView('libraries')
  await expect(page.getByRole('heading', { name: 'Libraries', level: 2 })).toBeFocused()
})

test('refresh results are announced in a polite live region', async ({ app, page, connectToPlex }) => {
  await connectToPlex()
  await app.open()
  await app.libraries.waitUntilListed()
  const announcement = page.getByTestId('refresh-announcement')
  await expect(announcement).toHaveAttribute('aria-live', 'polite')
  await expect(announcement).toHaveText('')

  await app.libraries.refresh('Movies')
  await expect(announcement).toHaveText('Movies: Fetched from Plex')

  await app.libraries.refreshAll()
  await expect(announcement).toHaveText(/^Refresh all finished: \d+ libraries, /)
})
