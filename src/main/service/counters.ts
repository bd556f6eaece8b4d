import type { PlexCache } from '../cache'

/** Names of the service's running totals in the cache's named counters (shared by every process). */
export const COUNTER = {
  plexRequests: 'plexRequests',
  plexRequestsAvoided: 'plexRequestsAvoided',
  revalidations: 'revalidations',
  coalescedRequests: 'coalescedRequests',
  bytesServed: 'bytesServed',
  timeSavedMs: 'timeSavedMs',
} as const

export type CounterName = keyof typeof COUNTER

/** Adds to the persisted counters, and remembers that something changed so the 'stats' event can fire. */
export class ServiceCounters {
  private changed = false

  constructor(private readonly cache: () => PlexCache) {}

  add(name: CounterName, delta: number): void {
    if (delta === 0) return
    try {
      this.cache().addToCounter(COUNTER[name], delta)
      this.changed = true
    } catch {
      // Counting happens after the cache closed (a request finishing during close): nothing to keep.
    }
  }

  /** A cache hit: the requests and the time a full fetch of that entry would have cost. */
  servedFromCache(details: { requestsAvoided: number; bytes: number; fetchMs: number | undefined }): void {
    this.add('plexRequestsAvoided', details.requestsAvoided)
    this.add('bytesServed', details.bytes)
    this.add('timeSavedMs', details.fetchMs ?? 0)
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
  return 1 + Math.max(1, Math.ceil(itemCount / pageSize))
}
