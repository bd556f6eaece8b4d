import { PlexProtocolError, PlexRequestError, type PlexError } from './errors'
import { DEFAULT_LISTING_LIMITS, ListingGuard, type ListingLimits } from './listing-guard'
import { withRetry, type RetryNotice, type RetryPolicy } from './retry'
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
  /** Decoded bytes of the response, counted against the listing's byte cap. */
  bytes?: number
}

export interface PagingOptions<T> {
  pageSize: number
  onProgress?: (progress: ItemsProgress) => void
  /** Items added or removed while paging shift the offsets; an item seen twice is kept once. */
  keyOf?: (item: T) => string
  /** Each page is retried on its own, so a failure costs that page, not the pages before it. None when absent. */
  retry?: RetryPolicy
  limits?: Partial<ListingLimits>
  signal?: AbortSignal
  /** The clock for the time cap (ms); tests may bring their own. */
  now?: () => number
}

/** One attempt at one page; retrying is the loop's business. */
export type FetchPage<T> = (start: number, size: number, signal: AbortSignal) => Promise<Page<T>>

/** Far beyond any real library at any page size; a backstop if a total keeps growing. */
const HARD_PAGE_LIMIT = 100_000

/**
 * Pages in a row made only of items already collected before paging is given up. Items added while
 * paging shift at most a few items back into the next page, never whole pages, so three such pages
 * mean a server repeating itself. Without this, one that repeats its first page in another order
 * (defeating the signature check) with a huge total would be asked up to HARD_PAGE_LIMIT times.
 */
const MAX_PAGES_WITHOUT_NEW_ITEMS = 3

/** Real Plex since 1.28 caps pages at this size and answers 400 above it (plex-api-facts §9). */
export const PLEX_MAX_PAGE_SIZE = 1000

/**
 * Where a listing steps down to when one page fails in transit twice (timed out, cut off): a server
 * too slow to build 500 items in time can usually build 100, and 50 is the smallest worth asking.
 */
const SMALLER_PAGE_SIZES = [100, 50]
const TRANSIT_FAILURES_BEFORE_SHRINKING = 2

const NO_RETRIES: RetryPolicy = {
  retries: 0,
  baseDelayMs: 0,
  maxDelayMs: 0,
  sleep: async () => {},
  random: () => 0,
}

/**
 * Pages through a listing by the facts' §8 rules: advance by what was received (a server may force
 * smaller pages), take the total from totalSize, then the header; without any total, page until a
 * short page. Stop when everything is collected, a page is empty, or the start passes the total.
 * Lies and runaways end in a PlexProtocolError (see ListingGuard), never in unbounded memory.
 *
 * Each page is retried on its own (with the server's Retry-After when it gives one), so a slow page
 * costs that page only: the pages already received are kept and the listing resumes where it was.
 *
 * From the second page on, the next page is requested before the current one is read and decoded,
 * so the server builds page n+1 while the client parses page n. It is asked at the offset the last
 * page length predicts and used only if that is where the next page really starts (the rule above);
 * otherwise it is dropped and the right one fetched.
 */
export async function fetchAllPages<T>(fetchPage: FetchPage<T>, options: PagingOptions<T>): Promise<T[]> {
  // Ends a page fetched ahead (or its retries) once the listing is over, finished or failed.
  const done = new AbortController()
  const signal = options.signal ? AbortSignal.any([options.signal, done.signal]) : done.signal
  try {
    return await new Listing(fetchPage, options, signal).run()
  } finally {
    done.abort()
  }
}

interface FetchedPage<T> {
  page: Page<T>
  /** The size this page was asked with (the listing's size may have changed since). */
  size: number
}

class Listing<T> {
  private readonly collected: T[] = []
  private readonly seen = new Set<string>()
  private readonly guard: ListingGuard
  private size: number
  private pageLimit = HARD_PAGE_LIMIT
  private lastTotal: number | undefined

  constructor(
    private readonly fetchPage: FetchPage<T>,
    private readonly options: PagingOptions<T>,
    private readonly signal: AbortSignal,
  ) {
    this.size = options.pageSize
    this.guard = new ListingGuard({ ...DEFAULT_LISTING_LIMITS, ...options.limits }, options.now ?? Date.now)
  }

  async run(): Promise<T[]> {
    let start = 0
    let previousSignature: string | undefined
    let ahead: { start: number; page: Promise<FetchedPage<T>>; stop: AbortController } | undefined
    let nextStep: number | undefined
    let pagesWithoutNewItems = 0
    for (let pageNumber = 1; ; pageNumber++) {
      if (pageNumber > this.pageLimit) {
        throw new PlexProtocolError(
          `The Plex server kept sending pages (${this.pageLimit} pages, ${this.collected.length} items) without reaching the total it announced.`,
        )
      }
      this.guard.checkTime()
      const current = ahead?.start === start ? ahead.page : this.fetch(pageNumber, start, this.signal)
      // A wrong guess (the last page was shorter than predicted): stop it and its retries.
      if (ahead && ahead.start !== start) ahead.stop.abort()
      ahead = undefined
      // Only after the first page: before it, the total is unknown and a failure would be doubled.
      if (nextStep !== undefined && (this.lastTotal === undefined || start + nextStep < this.lastTotal)) {
        const stop = new AbortController()
        const signal = AbortSignal.any([this.signal, stop.signal])
        ahead = { start: start + nextStep, page: this.fetch(pageNumber + 1, start + nextStep, signal), stop }
        // A page fetched ahead may never be awaited (wrong guess, an earlier failure): keep its rejection handled.
        ahead.page.catch(() => undefined)
      }
      const { page, size } = await current
      if (page.received === 0) return this.finish()
      if (page.signature !== undefined && page.signature === previousSignature) {
        throw new PlexProtocolError(
          `The Plex server sent the same page again at offset ${start}; it seems to ignore the paging offset.`,
        )
      }
      previousSignature = page.signature
      const offset = start
      start += page.received
      const total = page.totalSize ?? page.headerTotalSize
      this.guard.checkPage({ total, received: start, bytes: page.bytes ?? 0, offset })
      if (page.items.length === 0) {
        throw new PlexProtocolError(
          `The Plex server sent ${page.received} entries at offset ${offset} and none of them is a usable item (no ratingKey or key).`,
        )
      }
      if (pageNumber === 1 && total !== undefined) {
        this.pageLimit = Math.min(HARD_PAGE_LIMIT, pageLimit(total, page.received))
      }
      this.lastTotal = total
      const added = this.append(page.items)
      pagesWithoutNewItems = added === 0 ? pagesWithoutNewItems + 1 : 0
      if (pagesWithoutNewItems >= MAX_PAGES_WITHOUT_NEW_ITEMS) {
        throw new PlexProtocolError(
          `The Plex server kept sending the same items (${pagesWithoutNewItems} pages in a row with nothing new, ${this.collected.length} items) instead of the ${total ?? 'more'} it announced.`,
        )
      }
      // Without a total, a page shorter than asked is the last; one longer means paging was ignored.
      const finished = total !== undefined ? start >= total : page.received !== size
      if (finished) return this.finish()
      this.report({ fetched: this.collected.length, total: total ?? 0 })
      nextStep = page.received
    }
  }

  /** The last progress always carries a total, counted when the server never gave one. */
  private finish(): T[] {
    const fetched = this.collected.length
    this.report({ fetched, total: this.lastTotal ?? fetched })
    return this.collected
  }

  private fetch(pageNumber: number, start: number, signal: AbortSignal): Promise<FetchedPage<T>> {
    let transitFailures = 0
    const attempt = async (): Promise<FetchedPage<T>> => {
      const size = this.size
      return { page: await this.fetchPage(start, size, signal), size }
    }
    return withRetry(attempt, this.options.retry ?? NO_RETRIES, signal, {
      onRetry: (notice) => {
        if (signal.aborted) return
        // Never wait past the time cap: fail now instead.
        this.guard.checkTime(notice.delayMs)
        if (notice.error.status === undefined && ++transitFailures >= TRANSIT_FAILURES_BEFORE_SHRINKING) {
          transitFailures = 0
          this.shrink()
        }
        this.reportRetry(pageNumber, notice)
      },
      recover: (error) => this.lowerToServerCap(error),
    })
  }

  /** The same page failed in transit again: ask for fewer items per page for the rest of this listing. */
  private shrink(): void {
    const smaller = SMALLER_PAGE_SIZES.find((size) => size < this.size)
    if (smaller === undefined) return
    this.size = smaller
    // Smaller pages mean more of them; the backstop must not mistake that for a runaway server.
    this.pageLimit = Math.min(HARD_PAGE_LIMIT, this.pageLimit + pageLimit(this.lastTotal ?? 0, smaller))
  }

  /** A 400 for a page larger than Plex allows: ask again at Plex's cap. */
  private lowerToServerCap(error: unknown): boolean {
    if (!(error instanceof PlexRequestError) || error.status !== 400 || this.size <= PLEX_MAX_PAGE_SIZE)
      return false
    this.size = PLEX_MAX_PAGE_SIZE
    return true
  }

  private append(items: T[]): number {
    const { collected, seen } = this
    const keyOf = this.options.keyOf
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

  private report(progress: ItemsProgress): void {
    this.options.onProgress?.(progress)
  }

  private reportRetry(pageNumber: number, notice: RetryNotice): void {
    this.report({
      fetched: this.collected.length,
      total: this.lastTotal ?? 0,
      retry: {
        page: pageNumber,
        attempt: notice.attempt,
        attempts: notice.attempts,
        reason: failureReason(notice.error),
        waitMs: Math.round(notice.delayMs),
      },
    })
  }
}

/** A few words for a person watching the progress: "page 12 timed out, retrying (2/4)". */
export function failureReason(error: PlexError): string {
  if (error.status === 429) return 'was rate-limited (429)'
  if (error.status !== undefined) return `failed (HTTP ${error.status})`
  // Matched on request.ts's two timeout messages (no answer; an answer that stopped flowing).
  return /did not answer|stopped sending|timed? ?out/i.test(error.message)
    ? 'timed out'
    : 'lost the connection'
}

/**
 * The first page shows how many items this server really gives per page (it may force fewer than
 * asked), so twice the pages that would take, plus slack for items added while paging.
 */
export function pageLimit(total: number, firstPageLength: number): number {
  return Math.ceil(total / Math.max(1, firstPageLength)) * 2 + 10
}
