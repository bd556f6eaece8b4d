import type { ListingLimits } from './listing-guard'

/**
 * The fetch the client is given: the global fetch under Node, Electron's `net.fetch` in the app
 * (so requests follow the system proxy and certificate store).
 */
export type FetchFunction = (url: string, init: RequestInit) => Promise<Response>

/** Waits `ms`; resolves early when `signal` aborts (the caller checks the signal afterwards). */
export type SleepFunction = (ms: number, signal?: AbortSignal) => Promise<void>

export interface PlexClientOptions {
  /** http(s)://host:port, optionally with a path; a trailing slash is fine. */
  baseUrl: string
  token: string
  /** A UUID the app creates once and keeps, so the server sees one stable device. */
  clientIdentifier: string
  fetch: FetchFunction
  /**
   * The longest wait for a response's headers, and then for each next chunk of its body (an idle
   * timeout: a slow body that keeps flowing is not cut off). Default 15 s.
   */
  timeoutMs?: number
  /** Decoded size one response body may have before it is refused as a protocol error. Default 128 MiB. */
  maxResponseBytes?: number
  /** Extra attempts after a retryable failure (503, 5xx, timeout, network). Default 3. */
  retries?: number
  /** First backoff delay; each retry doubles it, with jitter. Default 250 ms. */
  retryBaseDelayMs?: number
  /** Caps on one listing (items, response bytes, time); defaults in DEFAULT_LISTING_LIMITS. */
  listingLimits?: Partial<ListingLimits>
  /** Injected so tests do not wait for real backoff. */
  sleep?: SleepFunction
  /** Injected so tests can fix the jitter. Returns [0, 1). */
  random?: () => number
  product?: string
  version?: string
  platform?: string
  deviceName?: string
}

export type SectionType = 'movie' | 'show' | 'artist' | 'photo' | (string & {})

export interface Section {
  key: string
  title: string
  type: SectionType
  agent?: string
  scanner?: string
  language?: string
  uuid?: string
  /** Epoch seconds; a change hints that the cached listing is stale. */
  updatedAt?: number
  createdAt?: number
  scannedAt?: number
  /** An opaque counter the server bumps when the section's content changes. */
  contentChangedAt?: number
  hidden: boolean
  refreshing: boolean
  locations: string[]
}

export interface ServerIdentity {
  machineIdentifier: string
  version?: string
  claimed?: boolean
}

export interface ServerInfo {
  friendlyName?: string
  machineIdentifier: string
  version?: string
  platform?: string
  platformVersion?: string
}

export interface ConnectionInfo extends ServerInfo {
  sections: Section[]
}

export interface ItemsProgress {
  fetched: number
  /** The server's total as of the latest page; 0 while a server that sends none is still being paged. */
  total: number
  /** Set while a page that failed is about to be tried again. */
  retry?: PageRetry
}

/** A listing page being tried again: "page 12 timed out, retrying (2/4)". */
export interface PageRetry {
  /** The page's number in this listing, from 1. */
  page: number
  /** This retry's number, from 1. */
  attempt: number
  /** Retries allowed for the page. */
  attempts: number
  /** What went wrong, in a few words ("timed out", "was rate-limited (429)"). */
  reason: string
  /** How long the client waits before trying again. */
  waitMs: number
}

export interface RequestOptions {
  signal?: AbortSignal
}

export interface SectionRequestOptions extends RequestOptions {
  /** The section's type when the caller knows it; saves a /library/sections lookup. */
  sectionType?: SectionType
  /** A Plex metadata type number (1 movie, 4 episode, 10 track, 13 photo…). */
  type?: number
}

export interface ItemsOptions extends SectionRequestOptions {
  /** Items asked for per request (default DEFAULT_PAGE_SIZE); the server may send fewer. */
  pageSize?: number
  onProgress?: (progress: ItemsProgress) => void
}
