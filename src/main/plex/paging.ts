import { PlexProtocolError } from './errors'
import type { ItemsProgress } from './types'

/** What one page told us, already reduced by the caller. */
export interface Page<T> {
  /** The usable items of this page (the caller drops ones it cannot use). */
  items: T[]
  /** How many items the server sent, kept or not: the next page starts after all of them. */
  received: number
  totalSize?: number
  /** The X-Plex-Container-Total-Size response header. */
  headerTotalSize?: number
  /** The container's `size`: the page length when paged, everything when the server ignored paging. */
  containerSize?: number
  /** Identifies the page's contents (e.g. first and last ratingKey) to notice a server ignoring the start. */
  signature?: string
}

export interface PagingOptions<T> {
  pageSize: number
  onProgress?: (progress: ItemsProgress) => void
  /** Items added or removed while paging shift the offsets; an item seen twice is kept once. */
  keyOf?: (item: T) => string
}

export type FetchPage<T> = (start: number, size: number) => Promise<Page<T>>

/** Far beyond any real library at any page size; a backstop if a total keeps growing. */
const HARD_PAGE_LIMIT = 100_000

/**
 * Pages in a row made only of items already collected before paging is given up. Items added while
 * paging shift at most a few items back into the next page, never whole pages, so three such pages
 * mean a server repeating itself. Without this, one that repeats its first page in another order
 * (defeating the signature check) with a huge total would be asked up to HARD_PAGE_LIMIT times.
 */
const MAX_PAGES_WITHOUT_NEW_ITEMS = 3

/**
 * Pages through a listing by the facts' §8 rules: advance by what was received (a server may force
 * smaller pages), take the total from totalSize, then the header, then size, then the page length;
 * stop when everything is collected, a page is empty, or the start passes the total; and give up
 * with a PlexProtocolError rather than loop forever.
 *
 * From the second page on, the next page is requested before the current one is read and decoded,
 * so the server builds page n+1 while the client parses page n. It is asked at the offset the last
 * page length predicts and used only if that is where the next page really starts (the rule above);
 * otherwise it is dropped and the right one fetched.
 */
export async function fetchAllPages<T>(fetchPage: FetchPage<T>, options: PagingOptions<T>): Promise<T[]> {
  const collected: T[] = []
  const seen = new Set<string>()
  let start = 0
  let limit = HARD_PAGE_LIMIT
  let previousSignature: string | undefined
  let ahead: { start: number; page: Promise<Page<T>> } | undefined
  let known: { total: number; step: number } | undefined
  let pagesWithoutNewItems = 0
  for (let pageNumber = 1; ; pageNumber++) {
    if (pageNumber > limit) {
      throw new PlexProtocolError(
        `The Plex server kept sending pages (${limit} pages, ${collected.length} items) without reaching the total it announced.`,
      )
    }
    const current = ahead?.start === start ? ahead.page : fetchPage(start, options.pageSize)
    ahead = undefined
    // Only after the first page: before it, the total is unknown and a failure would be doubled.
    if (known && start + known.step < known.total) {
      ahead = { start: start + known.step, page: fetchPage(start + known.step, options.pageSize) }
      // A page fetched ahead may never be awaited (wrong guess, an earlier failure): keep its rejection handled.
      ahead.page.catch(() => undefined)
    }
    const page = await current
    if (page.received === 0) return collected
    if (page.signature !== undefined && page.signature === previousSignature) {
      throw new PlexProtocolError(
        `The Plex server sent the same page again at offset ${start}; it seems to ignore the paging offset.`,
      )
    }
    previousSignature = page.signature
    start += page.received
    const total = pageTotal(page)
    if (pageNumber === 1) limit = Math.min(HARD_PAGE_LIMIT, pageLimit(total, page.received))
    known = { total, step: page.received }
    const added = appendNew(collected, seen, page.items, options.keyOf)
    pagesWithoutNewItems = page.items.length > 0 && added === 0 ? pagesWithoutNewItems + 1 : 0
    if (pagesWithoutNewItems >= MAX_PAGES_WITHOUT_NEW_ITEMS) {
      throw new PlexProtocolError(
        `The Plex server kept sending the same items (${pagesWithoutNewItems} pages in a row with nothing new, ${collected.length} items) instead of the ${total} it announced.`,
      )
    }
    options.onProgress?.({ fetched: collected.length, total })
    if (start >= total) return collected
  }
}

function appendNew<T>(
  collected: T[],
  seen: Set<string>,
  items: T[],
  keyOf: ((item: T) => string) | undefined,
): number {
  const before = collected.length
  for (const item of items) {
    if (keyOf) {
      const key = keyOf(item)
      if (seen.has(key)) continue
      seen.add(key)
    }
    collected.push(item)
  }
  return collected.length - before
}

export function pageTotal(page: Page<unknown>): number {
  return page.totalSize ?? page.headerTotalSize ?? page.containerSize ?? page.received
}

/**
 * The first page shows how many items this server really gives per page (it may force fewer than
 * asked), so twice the pages that would take, plus slack for items added while paging.
 */
export function pageLimit(total: number, firstPageLength: number): number {
  return Math.ceil(total / Math.max(1, firstPageLength)) * 2 + 10
}
