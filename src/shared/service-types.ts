/** The service's vocabulary, shared with the renderer through the IPC contract. Types only. */
import type { Freshness } from './freshness'
import type { CachedFile, CachedItem, EvictionReason, StatsBucket } from './plex-data'

/** Where a read was answered from. */
export type ReadSource = 'cache' | 'plex' | 'stale'

/**
 * fresh: cached and within its TTL; expired: cached, past its TTL, not yet refetched;
 * stale: past its TTL and being served because Plex could not be reached; refreshing: a fetch is
 * under way; missing: not cached.
 */
export type LibraryState = 'fresh' | 'expired' | 'stale' | 'refreshing' | 'missing'

export interface ServiceSettings {
  /** Plex server URL; undefined until the user connects. */
  serverUrl?: string
  token?: string
  libraryTtlSeconds: number
  searchTtlSeconds: number
  emptySearchTtlSeconds: number
  sizeLimitBytes: number
  /** Items per Plex request when fetching a library. */
  pageSize: number
  /** Refresh libraries shortly before they expire, one at a time, while Plex is reachable. */
  keepWarm: boolean
  /**
   * Stale-while-revalidate (RFC 5861): for this long after a library expires, a read gets the
   * expired copy at once, marked stale, while one background revalidation runs. 0 turns it off.
   * Optional so settings stored before it existed still load.
   */
  staleWhileRevalidateSeconds?: number
  /**
   * Every address plex.tv lists for the signed-in server, in preference order, with its machine
   * identifier: when serverUrl (one of them) stops answering, the others are tried before going
   * offline. Absent for a server set up by URL and token.
   */
  serverConnections?: ServerConnections
}

export interface ServerConnections {
  machineIdentifier: string
  urls: string[]
}

/** An error as the UI and the CLI show it: a stable code and a sentence a person understands. */
export interface ServiceErrorInfo {
  code:
    | 'AUTH'
    | 'UNREACHABLE'
    | 'NOT_FOUND'
    | 'PROTOCOL'
    | 'NOT_CONFIGURED'
    | 'INVALID_ARGUMENT'
    /** A library larger than the whole size limit: fetched, but not kept. */
    | 'TOO_LARGE'
    /** The disk holding the cache is full, or its folder is read-only: what is cached can still be read. */
    | 'STORAGE'
    /** The server's https certificate was refused; `certificate` says which and why. */
    | 'CERTIFICATE'
    /** The user stopped a refresh: nothing fetched was kept, the cached copy is as it was. */
    | 'CANCELLED'
    | 'INTERNAL'
  message: string
  /** The HTTP status when Plex answered with an error (503 maintenance, 401 token rejected…). */
  status?: number
  /** With CERTIFICATE: what the user needs to see before trusting it for this server. */
  certificate?: CertificateDetails
}

/** A certificate the user chose to trust for one server (pinned by its SHA-256 fingerprint). */
export interface TrustedCertificate {
  origin: string
  fingerprint256: string
  names: string[]
}

/** A refused server certificate as the window and the CLI show it (never the token). */
export interface CertificateDetails {
  /** https://host:port: a trusted certificate is pinned for this origin only. */
  origin: string
  reason: 'wrong-name' | 'self-signed' | 'untrusted' | 'expired' | 'pin-mismatch' | 'invalid'
  names: string[]
  /** SHA-256, colon-separated upper-case hex; absent when the certificate could not be read. */
  fingerprint256?: string
  validTo?: string
  /** A working address when one is known (the plex.direct name for an IP address). */
  suggestedUrl?: string
}

export interface LibraryRow {
  /** The Plex section key, e.g. "1". */
  key: string
  title: string
  /** movie | show | artist | photo */
  type: string
  state: LibraryState
  cached: boolean
  itemCount: number | null
  bytes: number
  fetchedAt: number | null
  expiresAt: number | null
  hits: number
  misses: number
  /** Present while refreshing. */
  progress?: { fetched: number; total: number }
  /** Present when the last fetch was not kept because the library alone needs more than the size limit. */
  tooLarge?: TooLarge
}

/** What a library larger than the size limit needs, next to the limit, in bytes. */
export interface TooLarge {
  neededBytes: number
  limitBytes: number
}

export interface ItemsQuery {
  offset?: number
  limit?: number
  filter?: string
}

export interface ItemsResult {
  source: ReadSource
  total: number
  offset: number
  limit: number
  items: CachedItem[]
  fetchedAt: number
  expiresAt: number
  /** Why stale data is being served. */
  error?: ServiceErrorInfo
}

export interface SearchResult {
  source: ReadSource
  results: CachedItem[]
  /** When the answer was fetched from Plex: with a stale source, how old it is. */
  fetchedAt?: number
  error?: ServiceErrorInfo
}

export interface FileMatchRow {
  library: { key: string; title: string }
  item: CachedItem
  file: CachedFile
  /** 'stale' when the library's copy had expired and Plex could not be asked (or it is being revalidated). */
  source: 'cache' | 'stale'
  /** When the library's copy was fetched from Plex. */
  fetchedAt: number
  /** Why a stale copy answered, when Plex failed. */
  error?: ServiceErrorInfo
}

export interface RefreshOutcome {
  key: string
  title: string
  itemCount: number
  /** cancelled: stopped by the user (or never started, in a "Refresh all" stopped before it); the cached copy is kept. */
  outcome: 'fetched' | 'revalidated' | 'failed' | 'cancelled'
  ms: number
  error?: ServiceErrorInfo
  /** With outcome 'failed': fetched, but larger than the whole size limit, so not kept (error.code TOO_LARGE). */
  tooLarge?: TooLarge
}

export interface ConnectionTestResult {
  friendlyName: string
  version: string
  machineIdentifier: string
  libraryCount: number
}

/**
 * Why Plex cannot be used, each told apart in the window, the tray and the CLI: no answer at all,
 * the token refused (401), the https certificate refused, or the server busy with maintenance (503).
 */
export type ConnectionProblem = 'unreachable' | 'token-rejected' | 'certificate' | 'maintenance'

export interface ConnectionStatus {
  state: 'online' | 'offline' | 'unconfigured'
  server?: { friendlyName: string; version: string; machineIdentifier: string }
  lastError?: ServiceErrorInfo
  /** With state offline: which kind of failure (see connectionProblemOf). */
  problem?: ConnectionProblem
}

export interface ServiceStats {
  hits: number
  misses: number
  hitRate: number
  /** Every cached entry, of any server and any age (fresh, stale or expired but kept). */
  entries: number
  /**
   * The current server's kept entries (listings and searches) by freshnessOf, the definition the
   * Libraries and Inspector views use, so the counts agree: fresh ones are the live entries.
   */
  entryStates: Record<Freshness, number>
  /** Accounted bytes of the cache. */
  bytes: number
  sizeLimitBytes: number
  databaseFileBytes: number
  evictions: Record<EvictionReason, number>
  plexRequests: number
  plexRequestsAvoided: number
  revalidations: number
  coalescedRequests: number
  bytesServed: number
  timeSavedMs: number
  byLibrary: Record<string, { hits: number; misses: number }>
  /** Reads made for the window's own browsing (Inspector pages, filters, finds): never hits or misses. */
  inspectionReads: number
  /** By consumer name: 'cli', 'unnamed' (a caller that gave none), or the name a later tool gives. */
  byConsumer: Record<string, ConsumerStats>
}

/** What the cache did for one consumer (see README "Statistics" for each definition). */
export interface ConsumerStats {
  hits: number
  misses: number
  plexRequestsAvoided: number
  timeSavedMs: number
  /** Answers from an expired copy, because Plex could not be asked or was being asked behind them. */
  stale: number
  /** Requests a tool sent through the proxy that the cache does not answer (metadata, images, writes). */
  passedThrough: number
  /** Bytes of cached data served to this consumer. */
  bytesServed: number
}

/** Who a service read is for; the window's operations and the CLI each name themselves. */
export interface ReadConsumer {
  consumer?: string
  /**
   * The rest of one read already counted (the proxy reads a long listing in chunks): not another
   * hit, miss or recent read; its items still count as requests avoided and bytes served.
   */
  continuation?: boolean
}

/** One live cache entry, for the inspector: a library listing or one cached search. */
export interface CacheEntryRow {
  kind: 'library' | 'search'
  /** The section key. */
  library: string
  libraryTitle?: string
  /** The normalised search text; only for searches. */
  query?: string
  itemCount: number
  bytes: number
  createdAt: number
  expiresAt: number
  /** See freshnessOf: an expired entry is listed while it is kept, so the inspector can browse it offline. */
  state: Freshness
}

export type StatsRange = 'hour' | 'day' | 'week'

/** A listing page that failed and is about to be tried again: "page 12 timed out, retrying (2/4)". */
export interface ProgressRetry {
  /** The page's number in the listing, from 1. */
  page: number
  /** This retry's number, from 1. */
  attempt: number
  /** Retries allowed for the page. */
  attempts: number
  /** What went wrong, in a few words: "timed out", "was rate-limited (429)". */
  reason: string
  /** How long the client waits before trying again. */
  waitMs: number
}

/** Where one library stands in a "Refresh all": waiting its turn, being refreshed, or done. */
export type RefreshRunStatus = 'waiting' | 'running' | RefreshOutcome['outcome']

/**
 * A "Refresh all" under way (or just ended), so every front end can say "Movies (1 of 4)" and show
 * the libraries still queued as waiting rather than as being fetched.
 */
export interface RefreshRun {
  /** Counts up per run, so a window can tell a new run from the one it already showed. */
  id: number
  libraries: { key: string; title: string; status: RefreshRunStatus; error?: ServiceErrorInfo }[]
  /** True once every library has its outcome. */
  finished: boolean
  /** True once someone asked to stop it. */
  cancelled: boolean
}

export type ServiceEvent =
  | { type: 'changed'; library?: string }
  | { type: 'refreshRun'; run: RefreshRun }
  | { type: 'progress'; library: string; fetched: number; total: number; retry?: ProgressRetry }
  | { type: 'stats' }
  | { type: 'connection'; status: ConnectionStatus }

export type { StatsBucket }
