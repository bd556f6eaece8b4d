import {
  consumerCounterName,
  INSPECTION_CONSUMER,
  INSPECTION_READS_COUNTER,
  type Namespace,
  type PlexCache,
} from '../cache'
import type { RecentRead } from '../../shared/recent-reads'

/** Names of the service's running totals in the cache's named counters (shared by every process). */
export const COUNTER = {
  plexRequests: 'plexRequests',
  plexRequestsAvoided: 'plexRequestsAvoided',
  revalidations: 'revalidations',
  coalescedRequests: 'coalescedRequests',
  bytesServed: 'bytesServed',
  timeSavedMs: 'timeSavedMs',
  inspectionReads: INSPECTION_READS_COUNTER,
} as const

export type CounterName = keyof typeof COUNTER

/** Adds to the persisted counters, and remembers that something changed so the 'stats' event can fire. */
export class ServiceCounters {
  private changed = false

  constructor(private readonly cache: () => PlexCache) {}

  add(name: CounterName, delta: number): void {
    this.addNamed(COUNTER[name], delta)
  }

  /** Counts a read the cache was told not to count (`consumer: false`), now that its outcome is known. */
  countRead(namespace: Namespace, cacheKey: string, outcome: 'hit' | 'miss', consumer: string): void {
    try {
      this.cache().countRead(namespace, cacheKey, outcome, consumer)
      this.changed = true
    } catch {
      // As in add(): a read finishing while the cache closes has nothing left to count into.
    }
  }

  /** Adds a consumer's read to the recent reads (the cache keeps none for inspection). */
  recentRead(read: RecentRead): void {
    if (read.outcome === 'stale' && read.consumer !== INSPECTION_CONSUMER)
      this.addNamed(consumerCounterName(read.consumer, 'stale'), 1)
    try {
      this.cache().recordRead(read)
      this.changed = true
    } catch {
      // As in add(): a read finishing while the cache closes has nothing left to record into.
    }
  }

  private addNamed(name: string, delta: number): void {
    if (delta === 0) return
    try {
      this.cache().addToCounter(name, delta)
      this.changed = true
    } catch {
      // Counting happens after the cache closed (a request finishing during close): nothing to keep.
    }
  }

  /**
   * A hit for `consumer`: the Plex requests the read would have made and the measured time they
   * take. Inspection saves nobody a request, so it adds nothing here.
   */
  servedFromCache(
    consumer: string,
    saved: { requestsAvoided: number; bytes: number; timeSavedMs: number },
  ): void {
    if (consumer === INSPECTION_CONSUMER) return
    this.add('plexRequestsAvoided', saved.requestsAvoided)
    this.add('bytesServed', saved.bytes)
    this.add('timeSavedMs', saved.timeSavedMs)
    this.addNamed(consumerCounterName(consumer, 'requestsAvoided'), saved.requestsAvoided)
    this.addNamed(consumerCounterName(consumer, 'timeSavedMs'), saved.timeSavedMs)
    this.addNamed(consumerCounterName(consumer, 'bytesServed'), saved.bytes)
  }

  /**
   * A proxy request sent on to Plex: the consumer's own request, neither a hit nor a miss, listed
   * with the recent reads as its method and path (never its query, which may hold a token); failed
   * when Plex did not answer.
   */
  passedThrough(
    consumer: string,
    request: { method: string; path: string; answered: boolean },
    at: number,
  ): void {
    this.addNamed(consumerCounterName(consumer, 'passedThrough'), 1)
    this.recentRead({
      at,
      consumer,
      kind: 'plex',
      library: null,
      libraryTitle: null,
      query: `${request.method} ${request.path}`,
      outcome: request.answered ? 'passed' : 'failed',
      items: null,
    })
  }

  /** True once after any change: the upkeep timer uses it to send one 'stats' event per tick at most. */
  takeChanged(): boolean {
    const changed = this.changed
    this.changed = false
    return changed
  }

  markChanged(): void {
    this.changed = true
  }
}

/** Requests a whole-library fetch makes: the section list, then one per page (at least one). */
export function requestsForFullFetch(itemCount: number, pageSize: number): number {
  return 1 + pagesFor(itemCount, pageSize)
}

/** Pages of `pageSize` items needed to list `itemCount` items: an empty listing still takes one request. */
export function pagesFor(itemCount: number, pageSize: number): number {
  return Math.max(1, Math.ceil(itemCount / pageSize))
}

/**
 * What a page read served from the cache saved its consumer. Without the cache it would have asked
 * for the section list, then the pages holding the items it read: those from its offset on, up to
 * its limit, or the whole library when filtered (Plex cannot filter by file path). The time is the
 * library's last measured full fetch, scaled by the share of its pages the read needed; a library
 * whose fetch was never measured saves no time.
 */
export function savedByPageRead(
  read: { libraryItems: number; offset: number; limit: number; filtered: boolean },
  pageSize: number,
  fullFetchMs: number | undefined,
): { requestsAvoided: number; timeSavedMs: number } {
  const itemsAsked = read.filtered
    ? read.libraryItems
    : Math.min(read.limit, Math.max(0, read.libraryItems - read.offset))
  const pages = pagesFor(itemsAsked, pageSize)
  const fullPages = pagesFor(read.libraryItems, pageSize)
  return {
    requestsAvoided: 1 + pages,
    timeSavedMs: fullFetchMs === undefined ? 0 : Math.round((fullFetchMs * pages) / fullPages),
  }
}
