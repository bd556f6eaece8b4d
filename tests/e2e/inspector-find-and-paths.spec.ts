import type { Page } from '@playwright/test'
import type { PlexCacheBridge } from '../../src/shared/contract'
import type { CachedItem } from '../../src/shared/plex-data'
import { InspectorPage } from './pages/inspector-page'
import { expect, test } from './support/bridge-fixtures'

// Issue 13 §4: "Show in list" lands on the row, filters ignore accents, and every file's full
// path can be read, with an item's optimized versions and external ids.

type PageGlobals = { plexCache: PlexCacheBridge }
type WindowScroll = { scrollTo(x: number, y: number): void }
type PageWidths = { document: { documentElement: { scrollWidth: number; clientWidth: number } } }

async function cachedMovies(page: Page): Promise<CachedItem[]> {
  const result = await page.evaluate(() =>
    (globalThis as unknown as PageGlobals).plexCache.getLibraryItems({ library: '1', limit: 1000 }),
  )
  if (!result.ok) throw new Error(result.error.message)
  return result.value.items
}

test.beforeEach(async ({ app, bridge, connectToPlex }) => {
  await connectToPlex()
  const refreshed = await bridge.handlers.refreshLibrary({ library: '1' })
  expect(refreshed.ok).toBe(true)
  await app.open()
})

test.describe('at 1100×720', () => {
  test.use({ viewport: { width: 1100, height: 720 } })

  test('"Show in list" scrolls the list to the found row and focuses it, every time it is asked', async ({
    page,
  }) => {
    const inspector = new InspectorPage(page)
    await inspector.open()
    const movies = await cachedMovies(page)
    const target = movies[200]!
    await inspector.findByFile(target.files[0]!.path)
    await expect(inspector.findResults()).toHaveCount(1)

    await inspector.showFound()
    const row = page.locator(`[data-testid="item-row"][data-rating-key="${target.ratingKey}"]`)
    await expect(row).toHaveAttribute('aria-selected', 'true')
    await expect(row).toBeInViewport({ ratio: 1 })
    await expect(inspector.grid()).toBeFocused()
    const rowId = await row.getAttribute('id')
    await expect(inspector.grid()).toHaveAttribute('aria-activedescendant', rowId ?? '')

    // Scrolled away and asked again: the list comes back into view, focused again.
    await page.getByTestId('find-input').focus()
    await page.evaluate(() => (globalThis as unknown as WindowScroll).scrollTo(0, 0))
    await expect(row).not.toBeInViewport({ ratio: 1 })
    await inspector.showFound()
    await expect(row).toBeInViewport({ ratio: 1 })
    await expect(inspector.grid()).toBeFocused()
  })

  test('the filter and find by file ignore accents: "amelie" finds "Amélie"', async ({ page }) => {
    const inspector = new InspectorPage(page)
    await inspector.open()
    await inspector.filter('amelie')
    await expect(inspector.summary()).toHaveText(/^1 of [\d,]+ items match$/)
    await expect(inspector.row('Amélie')).toBeVisible()

    const amelie = (await cachedMovies(page)).find((item) => item.title === 'Amélie')!
    const name = amelie.files[0]!.path.split('/').pop()!
    const typed = name.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase()
    expect(typed).not.toBe(name)
    await inspector.findByFile(typed)
    await expect(inspector.findResults().first().getByTestId('find-result-title')).toContainText('Amélie')
  })
})

test.describe('at 720×480', () => {
  test.use({ viewport: { width: 720, height: 480 } })

  test("every file's full path can be read: the row never cuts the file name, the details list all files", async ({
    page,
  }) => {
    const inspector = new InspectorPage(page)
    await inspector.open()
    const movies = await cachedMovies(page)
    // An item with an Optimize copy beside its original, and ids at the agents.
    const item = movies.find(
      (movie) => movie.files.some((file) => file.optimized) && movie.externalIds?.imdb !== undefined,
    )!
    expect(item).toBeDefined()
    await inspector.filter(item.title)
    await expect(inspector.summary()).toHaveText(/ items? match$/)
    await expect(inspector.grid()).not.toHaveAttribute('data-total', '250')
    const row = page.locator(`[data-testid="item-row"][data-rating-key="${item.ratingKey}"]`)
    await row.click()

    // The row: the original's file name whole, and the second file said in words, not a tooltip.
    const original = item.files.find((file) => !file.optimized)!
    const fileName = row.getByTestId('file-name')
    await fileName.scrollIntoViewIfNeeded()
    await expect(fileName).toHaveText(original.path.split('/').pop()!)
    await expect(fileName).toBeInViewport({ ratio: 1 })
    const clipped = await fileName.evaluate((element) => {
      const cell = element.closest('[role="gridcell"]')!.getBoundingClientRect()
      const box = element.getBoundingClientRect()
      return (
        element.scrollWidth > element.clientWidth + 1 ||
        box.left < cell.left - 1 ||
        box.right > cell.right + 1 ||
        box.top < cell.top - 1 ||
        box.bottom > cell.bottom + 1
      )
    })
    expect(clipped).toBe(false)
    await expect(row.getByTestId('item-more-files')).toHaveText(`+${item.files.length - 1} more`)
    await expect(row.getByTestId('item-optimized')).toBeVisible()

    // The details: every path in full, the optimized one marked, and the external ids.
    const details = page.getByTestId('item-details')
    const files = details.getByTestId('item-details-file')
    await expect(files).toHaveCount(item.files.length)
    const originalsFirst = [...item.files].sort(
      (a, b) => Number(a.optimized ?? false) - Number(b.optimized ?? false),
    )
    for (const [index, file] of originalsFirst.entries()) {
      await expect(files.nth(index)).toContainText(file.path)
      await files.nth(index).scrollIntoViewIfNeeded()
      await expect(files.nth(index)).toBeInViewport({ ratio: 1 })
    }
    await expect(details.getByTestId('item-details-optimized')).toHaveCount(
      item.files.filter((file) => file.optimized).length,
    )
    await expect(details.getByTestId('item-details-ids')).toContainText(`imdb ${item.externalIds!.imdb!}`)
    const noHorizontalScroll = await page.evaluate(() => {
      const root = (globalThis as unknown as PageWidths).document.documentElement
      return root.scrollWidth <= root.clientWidth
    })
    expect(noHorizontalScroll).toBe(true)
    await page.screenshot({ path: test.info().outputPath('item-details-720.png'), fullPage: true })
  })
})
