import type { Element } from './element'
import { pageAt, type Page, type PageRequest } from './paging'
import type { PlexRequest } from './request'
import { readCount } from './request'

/** How a lying listing misstates its total (issue 12 §4). */
export type WrongTotals =
  /** totalSize -1 on every page. */
  | 'negative'
  /** The first page tells the truth; later ones claim a single item, fewer than already sent. */
  | 'shrinking'
  /** The first page tells the truth; later ones claim a hundred times as many. */
  | 'growing'

/** Every Nth listing page asked for is left unanswered `times` times before it is answered. */
export interface StallSchedule {
  every: number
  times: number
}

/** What an endless listing claims to hold; it never runs out. */
export const ENDLESS_TOTAL_SIZE = 1_000_000_000
/** Endless items get ratingKeys from here up, clear of every generated item. */
const ENDLESS_RATING_KEY_BASE = 500_000_000

/**
 * Fault injection for listings (`/library/sections/{key}/all`): the ways a broken, hostile or slow
 * server answers pages. Read by the listing route and, for stalls, by the request handler.
 */
export class ListingFaults {
  /** New items on every page for ever, with totalSize 1e9. */
  endlessPaging = false
  /** Paged answers without totalSize or X-Plex-Container-Total-Size, like some real responses. */
  noTotals = false
  /** Every entry lacks ratingKey and key: nothing on the page is usable. */
  unusableItems = false
  wrongTotals: WrongTotals | null = null
  /** Real Plex since 1.28: a page size above this gets 400 (plex-api-facts §9). */
  pageSizeCap: number | null = null
  private stall: StallSchedule | null = null
  /** Per page (path and start): its place in the order pages were first asked, and stalls so far. */
  private readonly pages = new Map<string, { index: number; stalls: number }>()

  setStall(schedule: StallSchedule | null): void {
    if (
      schedule !== null &&
      (!Number.isInteger(schedule.every) ||
        schedule.every < 1 ||
        !Number.isInteger(schedule.times) ||
        schedule.times < 1)
    ) {
      throw new RangeError('stall every and times must be positive integers')
    }
    this.stall = schedule
    this.pages.clear()
  }

  setPageSizeCap(size: number | null): void {
    if (size !== null && (!Number.isInteger(size) || size < 1))
      throw new RangeError(`bad page size cap ${size}`)
    this.pageSizeCap = size
  }

  /**
   * Whether to leave this request unanswered. A page is known by its path and start, so a retry of
   * it (even with a smaller size) is the same page: it stalls `times` times, then is answered.
   */
  stalls(request: PlexRequest): boolean {
    if (!this.stall || !isListingPath(request.path)) return false
    const start = safeCount(request.plexParams['X-Plex-Container-Start']) ?? 0
    const size = safeCount(request.plexParams['X-Plex-Container-Size'])
    if (size === 0) return false
    const key = `${request.path}|${start}`
    let page = this.pages.get(key)
    if (!page) {
      page = { index: this.pages.size + 1, stalls: 0 }
      this.pages.set(key, page)
    }
    if (page.index % this.stall.every !== 0 || page.stalls >= this.stall.times) return false
    page.stalls++
    return true
  }

  reset(): void {
    this.endlessPaging = false
    this.noTotals = false
    this.unusableItems = false
    this.wrongTotals = null
    this.pageSizeCap = null
    this.setStall(null)
  }
}

function isListingPath(path: string): boolean {
  return /^\/library\/sections\/[^/]+\/all\/?$/.test(path)
}

function safeCount(value: string | undefined): number | undefined {
  try {
    return readCount(value, 'count')
  } catch {
    return undefined
  }
}

/**
 * A server that never runs out: each page holds `size` new items (copies of the real ones under
 * fresh ratingKeys, so nothing repeats) and announces a total of a billion.
 */
export function endlessPage<T extends { ratingKey: number }>(
  all: readonly T[],
  request: PageRequest,
  maxPageSize: number | null,
): Page<T> {
  const start = request.start ?? 0
  let size = request.size ?? 100
  if (maxPageSize !== null) size = Math.min(size, maxPageSize)
  const items =
    all.length === 0
      ? []
      : Array.from({ length: size }, (_, i) => {
          const template = all[(start + i) % all.length] as T
          return { ...template, ratingKey: ENDLESS_RATING_KEY_BASE + start + i }
        })
  return pageAt(items, start, ENDLESS_TOTAL_SIZE)
}

/** The page's totals as the faults misstate them (or leave them out). */
export function misstatedTotals<T>(page: Page<T>, faults: ListingFaults, start: number): Page<T> {
  const told = page.containerAttrs.totalSize
  if (told === undefined) return page
  if (faults.noTotals) {
    const { totalSize: _dropped, ...containerAttrs } = page.containerAttrs
    const { 'X-Plex-Container-Total-Size': _header, ...headers } = page.headers
    return { ...page, containerAttrs, headers }
  }
  const wrong = wrongTotal(Number(told), faults.wrongTotals, start)
  if (wrong === undefined) return page
  return {
    ...page,
    containerAttrs: { ...page.containerAttrs, totalSize: wrong },
    headers: { ...page.headers, 'X-Plex-Container-Total-Size': String(wrong) },
  }
}

function wrongTotal(total: number, mode: WrongTotals | null, start: number): number | undefined {
  if (mode === 'negative') return -1
  if (start === 0) return undefined
  if (mode === 'shrinking') return 1
  if (mode === 'growing') return total * 100
  return undefined
}

/** Items without ratingKey and key: rendered, but unusable to any client. */
export function unusable(items: Element[]): Element[] {
  return items.map((item) => ({ ...item, attrs: { ...item.attrs, ratingKey: undefined, key: undefined } }))
}
