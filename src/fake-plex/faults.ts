/** A path answered with a redirect: `location` is sent as given (absolute or relative). */
export interface FakeRedirect {
  status: 301 | 302 | 303 | 307 | 308
  location: string
}

import { ListingFaults } from './listing-faults'

/** Fault injection knobs, read by the server on every request (the control routes excepted). */
export class FaultState {
  /** Lying and slow listings: endless paging, stalled pages, wrong or missing totals, a page-size cap. */
  readonly listing = new ListingFaults()
  latencyMs = 0
  dropConnections = false
  malformedJson = false
  maintenance = false
  /** JSON bodies arrive whole but are not JSON: every double quote becomes a single quote. */
  garbledJson = false
  /** gzip bodies cut in half, sent with an honest Content-Length: a complete response, an incomplete stream. */
  truncatedGzip = false
  /** Listings ignore the start: every page holds the first page's items (rotated) and claims a huge total. */
  repeatingPages = false
  /** JSON bodies padded with whitespace to this many bytes (still valid JSON); null is off. */
  oversizedResponseBytes: number | null = null
  maxPageSize: number | null
  /** Every Plex route answers 429 Too Many Requests with this Retry-After value; null is off. */
  rateLimitRetryAfter: string | null = null
  private readonly forcedStatuses = new Map<string, number>()
  private readonly redirects = new Map<string, FakeRedirect>()

  constructor(private readonly initialMaxPageSize: number | null) {
    this.maxPageSize = null
    this.setMaxPageSize(initialMaxPageSize)
  }

  setForcedStatus(pathPrefix: string, status: number | null): void {
    if (status === null) {
      this.forcedStatuses.delete(pathPrefix)
      return
    }
    if (!Number.isInteger(status) || status < 100 || status > 599)
      throw new RangeError(`bad status ${status}`)
    this.forcedStatuses.set(pathPrefix, status)
  }

  /** The longest matching prefix wins, so a specific route can override a broad one. */
  forcedStatusFor(path: string): number | undefined {
    let best: { prefix: string; status: number } | undefined
    for (const [prefix, status] of this.forcedStatuses) {
      if (path.startsWith(prefix) && (!best || prefix.length > best.prefix.length)) best = { prefix, status }
    }
    return best?.status
  }

  setRedirect(pathPrefix: string, redirect: FakeRedirect | null): void {
    if (redirect === null) {
      this.redirects.delete(pathPrefix)
      return
    }
    if (![301, 302, 303, 307, 308].includes(redirect.status))
      throw new RangeError(`bad redirect status ${redirect.status}`)
    this.redirects.set(pathPrefix, { ...redirect })
  }

  /** Like forced statuses, the longest matching prefix wins. */
  redirectFor(path: string): FakeRedirect | undefined {
    let best: { prefix: string; redirect: FakeRedirect } | undefined
    for (const [prefix, redirect] of this.redirects) {
      if (path.startsWith(prefix) && (!best || prefix.length > best.prefix.length))
        best = { prefix, redirect }
    }
    return best?.redirect
  }

  setLatency(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`bad latency ${ms}`)
    this.latencyMs = ms
  }

  setMaxPageSize(size: number | null): void {
    if (size !== null && (!Number.isInteger(size) || size < 1))
      throw new RangeError(`bad max page size ${size}`)
    this.maxPageSize = size
  }

  setOversizedResponse(bytes: number | null): void {
    if (bytes !== null && (!Number.isInteger(bytes) || bytes < 1))
      throw new RangeError(`bad oversized response size ${bytes}`)
    this.oversizedResponseBytes = bytes
  }

  reset(): void {
    this.latencyMs = 0
    this.dropConnections = false
    this.malformedJson = false
    this.maintenance = false
    this.garbledJson = false
    this.truncatedGzip = false
    this.repeatingPages = false
    this.oversizedResponseBytes = null
    this.maxPageSize = this.initialMaxPageSize
    this.forcedStatuses.clear()
    this.listing.reset()
    this.redirects.clear()
    this.rateLimitRetryAfter = null
  }
}
