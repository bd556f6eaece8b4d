import type { Page } from '@playwright/test'
import type { PlexCacheBridge } from '../../../src/shared/contract'
import type { CacheEntryRow, LibraryRow } from '../../../src/shared/service-types'

// What the page sees as window.plexCache (tests/ are type-checked without DOM types).
type PageGlobals = { plexCache: PlexCacheBridge }

/** Asks the core through the page's own window.plexCache: what the renderer would be told. */
export async function listLibrariesInPage(page: Page): Promise<LibraryRow[]> {
  const answer = await page.evaluate(() => (globalThis as unknown as PageGlobals).plexCache.listLibraries())
  if (!answer.ok) throw new Error(answer.error.message)
  return answer.value
}

export async function listEntriesInPage(page: Page): Promise<CacheEntryRow[]> {
  const answer = await page.evaluate(() => (globalThis as unknown as PageGlobals).plexCache.listEntries())
  if (!answer.ok) throw new Error(answer.error.message)
  return answer.value
}

export async function searchInPage(page: Page, library: string, title: string): Promise<void> {
  const answer = await page.evaluate(
    (args) => (globalThis as unknown as PageGlobals).plexCache.search(args),
    { library, title },
  )
  if (!answer.ok) throw new Error(answer.error.message)
}
