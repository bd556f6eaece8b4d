import type { CachedFile, CachedItem, EvictionReason, ExternalIds, StatsBucket } from '../../shared/plex-data'

export type { CachedFile, CachedItem, EvictionReason, ExternalIds, StatsBucket }

/** What the service knows about a library section when it fetched it. */
export interface LibraryMeta {
  title?: string
  type?: string
  sectionUpdatedAt?: number
  contentChangedAt?: number
  totalSize?: number
  /** How long the Plex fetch that produced this entry took, for the time-saved estimate. */
  fetchMs?: number
}

export type Namespace = 'library' | 'search'

export interface HitMiss {
  hits: number
  misses: number
}

export interface CacheStats {
  hits: number
  misses: number
  /** hits / (hits + misses), 0 when nothing has been read yet. */
  hitRate: number
  /** Live entries only: expired entries are not counted. */
  entryCount: number
  /** Every entry kept, expired ones included: what "cached" means (see shared/freshness.ts). */
  storedEntryCount: number
  /** Bytes the size limit is measured against (the serialised size of every stored entry). */
  accountedBytes: number
  sizeLimitBytes: number
  /** Size of the SQLite file plus its WAL on disk. */
  databaseFileBytes: number
  evictions: Record<EvictionReason, number>
  byNamespace: Record<Namespace, HitMiss>
  byLibrary: Record<string, HitMiss>
  /** Named totals added through addToCounter(), from every process sharing the file. */
  counters: Record<string, number>
}

export interface PageRequest {
  offset?: number
  limit?: number
  /** Case-insensitive substring of the title or of a file path. */
  filter?: string
}

export interface LibraryPage {
  items: CachedItem[]
  /** Items matching the filter (or all items without one). */
  total: number
  offset: number
  limit: number
}

export interface FileMatch {
  library: string
  item: CachedItem
  /** The file of the item that matched. */
  file: CachedFile
}

export interface CacheEntryInfo {
  namespace: Namespace
  library: string
  /** The normalised search text; absent for library listings. */
  query?: string
  itemCount: number
  bytes: number
  createdAt: number
  expiresAt: number
  meta?: LibraryMeta
}

/** Result of a set…: whether it was stored, and what it cost. */
export interface StoreOutcome {
  stored: boolean
  reason?: 'too_large'
  bytes: number
  evicted: number
  /** With reason 'too_large': the size limit the entry did not fit in. */
  sizeLimitBytes?: number
}

/** A library listing that was fetched but not stored because it alone is larger than the size limit. */
export interface TooLargeRecord {
  neededBytes: number
  limitBytes: number
  /** When the listing was turned away. */
  at: number
}

export type CacheEvent =
  | { type: 'corrupt-file-recovered'; movedTo: string; error: string }
  /** The disk is full or the folder read-only: cached data is served, nothing new is stored. */
  | { type: 'opened-read-only'; reason: string }
  | {
      /** A stored entry failed its checksums; it was dropped and the next read fetches it again. */
      type: 'damaged-entry-dropped'
      namespace: Namespace
      /** The cache key of the library (scoped by the service) and, for a search, its normalised text. */
      library: string
      query?: string
      /** The library's title as stored with the entry, when known. */
      title?: string
    }

export interface ReadOptions {
  /**
   * Also return an expired entry still kept for stale serving (see staleRetentionSeconds),
   * marked stale. A stale read counts as a miss: the fresh data was not there.
   */
  allowStale?: boolean
  /**
   * Whom the read is for (see read-consumers.ts): a consumer's name counts a hit or a miss for it,
   * INSPECTION_CONSUMER counts an inspection read instead, and false counts nothing, for a caller
   * that counts the read itself (countRead) once it knows how the read was answered.
   */
  consumer?: string | false
}

/** A read together with the entry it came from. */
export interface EntryRead<T> {
  value: T
  entry: CacheEntryInfo
  stale: boolean
}

export interface StoredDocument<T> {
  value: T
  createdAt: number
  expiresAt: number
  stale: boolean
}

export interface PlexCacheOptions {
  dataDir: string
  libraryTtlSeconds?: number
  searchTtlSeconds?: number
  emptySearchTtlSeconds?: number
  sizeLimitBytes?: number
  clock?: () => number
  /**
   * How long an expired entry is kept, unserved as fresh, so it can be served stale when Plex
   * cannot be reached (default 0: expired entries go at the next sweep).
   */
  staleRetentionSeconds?: number
  /** How often buffered hit/miss counters are written, in ms (default 1000). */
  statsFlushIntervalMs?: number
  /** Told about events the caller should surface to the user, such as a corrupt file moved aside. */
  onEvent?: (event: CacheEvent) => void
  /** Told of every eviction as it is counted (expired, size limit, cleared…), for the log. */
  onEvicted?: (reason: EvictionReason, count: number) => void
}
