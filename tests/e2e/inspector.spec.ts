import type { Page } from '@playwright/test'
import type { PlexCacheBridge } from '../../src/shared/contract'
import type { CachedItem } from '../../src/shared/plex-data'
import { startFakePlex } from '../../src/fake-plex'
import { InspectorPage } from './pages/inspector-page'
import { expect, test as base } from './support/bridge-fixtures'

// Flow 6: the item browser over a 20,000-movie library, entries with their TTLs, find by file.

type PageGlobals = { plexCache: PlexCacheBridge }
const MOVIES = 20_000

const test = base.extend<{ inspector: InspectorPage }>({
  // The one test that needs a big library: everything else runs on the fixture's 250 movies.
  // eslint-disable-next-line no-empty-pattern
  plex: async ({}, use) => {
    const server = await startFakePlex({ dataset: { movies: MOVIES, shows: 0, artists: 0, photos: 0 } })
    await use(server)
    await server.close()
  },
  // Tall enough for the whole view: Chromium's full-page capture resets inner scrollers to the top.
  viewport: { width: 1280, height: 1300 },
  inspector: async ({ page }, use) => {
    await use(new InspectorPage(page))
  },
})

/** One cached item at a position in title order, read through the same bridge the window uses. */
async function itemAt(page: Page, offset: number): Promise<CachedItem> {
  const result = await page.evaluate(
    (at) =>
      (globalThis as unknown as PageGlobals).plexCache.getLibraryItems({
        library: '1',
        offset: at,
        limit: 1,
      }),
    offset,
  )
  if (!result.ok || result.value.items[0] === undefined) throw new Error(`no item at ${offset}`)
  return result.value.items[0]
}

test('browses, filters, finds by file and scrolls through a 20,000-item library', async ({
  app,
  plex,
  page,
  inspector,
}, testInfo) => {
  test.setTimeout(60_000)
  await app.open()
  await app.onboarding.fill(plex.url, plex.token)
  await app.onboarding.connect()
  await app.libraries.waitUntilListed()
  await app.libraries.refresh('Movies')
  await expect(app.libraries.itemCount('Movies')).toHaveText(MOVIES.toLocaleString('en-US'), {
    timeout: 30_000,
  })

  // A cached search, so the entries list has both kinds.
  const first = await itemAt(page, 0)
  const searched = await page.evaluate(
    (title) => (globalThis as unknown as PageGlobals).plexCache.search({ library: '1', title }),
    first.title,
  )
  expect(searched.ok).toBe(true)

  await inspector.open()
  await expect(inspector.entry('library', 'Movies')).toContainText(MOVIES.toLocaleString('en-US'))
  await expect(inspector.entry('search', first.title.toLowerCase())).toBeVisible()
  const ttl = inspector.entry('library', 'Movies').getByTestId('entry-ttl')
  const before = await ttl.textContent()
  await expect(ttl).not.toHaveText(before ?? '', { timeout: 3_000 })

  // The browser opens on the only cached library; only a window of rows exists in the DOM.
  await expect(inspector.grid()).toHaveAttribute('aria-rowcount', String(MOVIES + 1))
  await expect(inspector.row(first.title)).toBeVisible()
  expect(await inspector.rows().count()).toBeLessThan(100)

  // Filter: the total and the rows follow the filter text.
  const target = await itemAt(page, 12_345)
  await inspector.filter(target.title)
  await expect(inspector.summary()).toContainText(`of ${MOVIES.toLocaleString('en-US')} items match`)
  const filtered = await inspector.total()
  expect(filtered).toBeGreaterThanOrEqual(1)
  expect(filtered).toBeLessThan(MOVIES)
  await expect(inspector.row(target.title)).toBeVisible()
  await expect(inspector.grid()).toHaveAttribute('aria-rowcount', String(filtered + 1))
  await inspector.filter('')
  await expect(inspector.grid()).toHaveAttribute('data-total', String(MOVIES))

  // Find by file: a bare file name, then the full path; "Show in list" selects the item.
  const path = target.files[0]!.path
  const fileName = path.split('/').pop()!
  await inspector.findByFile(fileName)
  await expect(inspector.findResults()).toHaveCount(1)
  await expect(inspector.findResults().first()).toContainText(target.title)
  await inspector.findByFile(path)
  await expect(inspector.findResults().first()).toContainText(path)
  await inspector.showFound()
  await expect(inspector.selectedRow()).toContainText(target.title)
  await expect(inspector.selectedRow()).toContainText(path)
  await page.screenshot({ path: testInfo.outputPath('inspector-find-light.png') })
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.screenshot({ path: testInfo.outputPath('inspector-find-dark.png') })
  await page.emulateMedia({ colorScheme: 'light' })

  // Keyboard: Home, arrows, then End scrolls to the last of the 20,000 rows.
  await inspector.filter('')
  await expect(inspector.grid()).toHaveAttribute('data-total', String(MOVIES))
  await inspector.press('Home')
  await inspector.press('ArrowDown')
  await expect(inspector.selectedRow()).toHaveAttribute('aria-rowindex', '3')
  await inspector.press('PageDown')
  await expect(inspector.selectedRow()).not.toHaveAttribute('aria-rowindex', '3')
  const last = await itemAt(page, MOVIES - 1)
  await inspector.press('End')
  await expect(inspector.selectedRow()).toHaveAttribute('aria-rowindex', String(MOVIES + 1))
  await expect(inspector.row(last.title)).toBeInViewport()
  await page.screenshot({ path: testInfo.outputPath('inspector-light.png') })
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.screenshot({ path: testInfo.outputPath('inspector-dark.png') })
  await expect(inspector.row(last.title)).toBeInViewport()

  // Delete asks first: Cancel keeps the listing; confirmed, the search goes, then the listing
  // (and the browser has nothing left to show).
  await inspector.entry('library', 'Movies').getByTestId('entry-delete').click()
  await expect(inspector.deleteDialog()).toContainText('Delete Movies listing?')
  await expect(inspector.deleteDialog()).toContainText(`${MOVIES.toLocaleString()} items`)
  await inspector.deleteDialog().getByTestId('dialog-cancel').click()
  await expect(inspector.deleteDialog()).toBeHidden()
  await expect(inspector.entries()).toHaveCount(2)
  await inspector.deleteEntry('search', first.title.toLowerCase())
  await expect(inspector.entries()).toHaveCount(1)
  await inspector.deleteEntry('library', 'Movies')
  await expect(inspector.entries()).toHaveCount(0)
  await expect(page.getByTestId('browser-empty')).toBeVisible()
  expect(app.problems.messages).toEqual([])
})
