import fs from 'node:fs'
import type Database from 'better-sqlite3'
import { openCacheDatabase, type CorruptFileRecovery } from './database'
import { encodeEntry, sortByTitle } from './entry-codec'
import { EntryStore, type EntryKey, type EntryRow } from './entry-store'
import { CacheArgumentError, checkItems, checkText, checkWholeNumber } from './input-checks'
import { libraryKey, searchKey, toEntryInfo } from './entry-keys'
import { checkLimits, DEFAULT_LIMITS, definedOnly, MAX_TTL_SECONDS, type CacheLimits } from './limits'
import { PageReader } from './page-reader'
import { StatsRecorder } from './stats-recorder'
import type {
  CachedItem,
  CacheEntryInfo,
  CacheStats,
  FileMatch,
  LibraryMeta,
  LibraryPage,
  PageRequest,
  PlexCacheOptions,
  StatsBucket,
  StoreOutcome,
} from './types'

const MAX_PAGE_SIZE = 10_000

/** A disk-backed, TTL-governed cache of Plex library listings and title searches. */
export class PlexCache {
  readonly file: string
  /** Set when a damaged cache file was found on open, moved aside and replaced. */
  readonly recovery: CorruptFileRecovery | undefined
  private limits: CacheLimits
  private readonly clock: () => number
  private readonly db: Database.Database
  private readonly store: EntryStore
  private readonly pages: PageReader
  private readonly stats: StatsRecorder
  private readonly flushTimer: NodeJS.Timeout
  private closed = false

  constructor(options: PlexCacheOptions) {
    checkText(options.dataDir, 'dataDir')
    this.clock = options.clock ?? Date.now
    this.limits = checkLimits({ ...DEFAULT_LIMITS, ...definedOnly(options) })
    const opened = openCacheDatabase(options.dataDir, this.clock())
    this.db = opened.db
    this.file = opened.file
    this.recovery = opened.recovery
    this.store = new EntryStore(this.db)
    this.pages = new PageReader(this.db, this.store)
    this.stats = new StatsRecorder(this.db)
    this.flushTimer = setInterval(() => this.flushStatsQuietly(), options.statsFlushIntervalMs ?? 1000)
    this.flushTimer.unref()
    if (opened.recovery) {
      options.onEvent?.({ type: 'corrupt-file-recovered', ...opened.recovery })
    }
  }

  get currentLimits(): CacheLimits {
    return { ...this.limits }
  }

  /** Applies new TTLs or a new size limit at once; a lower limit evicts straight away. */
  configure(changes: Partial<CacheLimits>): void {
    this.assertOpen()
    this.limits = checkLimits({ ...this.limits, ...definedOnly(changes) })
    this.inWriteTransaction(() => this.enforceSizeLimit(-1))
  }

  getLibraryItems(library: string): CachedItem[] | null {
    const key = libraryKey(library)
    return this.readCounted(key, (entry) => this.pages.allItems(entry.id))
  }

  setLibraryItems(library: string, items: CachedItem[], meta?: LibraryMeta): StoreOutcome {
    const key = libraryKey(library)
    checkItems(items, 'items')
    return this.storeEntry(key, sortByTitle(items), this.limits.libraryTtlSeconds, meta)
  }

  getSearchResults(library: string, title: string): CachedItem[] | null {
    const key = searchKey(library, title)
    return this.readCounted(key, (entry) => this.pages.allItems(entry.id))
  }

  setSearchResults(library: string, title: string, results: CachedItem[]): StoreOutcome {
    const key = searchKey(library, title)
    checkItems(results, 'results')
    const ttl = results.length === 0 ? this.limits.emptySearchTtlSeconds : this.limits.searchTtlSeconds
    // Plex's own order is kept for searches: it ranks by relevance, not by title.
    return this.storeEntry(key, results, ttl)
  }

  /** One page of a cached library in title order, optionally filtered by title or file path. */
  getLibraryPage(library: string, request: PageRequest = {}): LibraryPage | null {
    const key = libraryKey(library)
    const offset = checkWholeNumber(request.offset ?? 0, 'offset', 0, Number.MAX_SAFE_INTEGER)
    const limit = checkWholeNumber(request.limit ?? 200, 'limit', 1, MAX_PAGE_SIZE)
    const filter =
      request.filter === undefined ? '' : checkText(request.filter, 'filter', { allowEmpty: true })
    return this.readCounted(key, (entry) => this.pages.page(entry, offset, limit, filter))
  }

  /** Items whose file has this name (case-insensitive), in every live cached library. */
  findByFileName(name: string): FileMatch[] {
    checkText(name, 'file name')
    this.assertOpen()
    return this.pages.findByFileName(name.trim(), this.clock())
  }

  /** Items with a file at exactly this path (case-insensitive), in every live cached library. */
  findByPath(path: string): FileMatch[] {
    checkText(path, 'path')
    this.assertOpen()
    return this.pages.findByPath(path.trim(), this.clock())
  }

  /** Every live entry, library listings and searches, for the inspector. */
  listEntries(): CacheEntryInfo[] {
    this.assertOpen()
    return this.store.liveEntries(this.clock()).map(toEntryInfo)
  }

  /** A library's entry, expired or not, without counting a hit or a miss: for refresh decisions. */
  getLibraryInfo(library: string): (CacheEntryInfo & { expired: boolean }) | null {
    const key = libraryKey(library)
    this.assertOpen()
    const row = this.store.findIncludingExpired(key)
    return row ? { ...toEntryInfo(row), expired: row.expires_at <= this.clock() } : null
  }

  /** Starts a library's TTL again without rewriting its items, for a revalidation that found no change. */
  renewLibrary(library: string, meta?: LibraryMeta): boolean {
    const key = libraryKey(library)
    return this.inWriteTransaction(() => {
      const row = this.store.findIncludingExpired(key)
      if (!row) return false
      this.store.renew(row.id, this.clock() + this.limits.libraryTtlSeconds * 1000, meta)
      return true
    })
  }

  clear(): void {
    this.inWriteTransaction(() =>
      this.stats.countEvictions('cleared', this.store.deleteAll(this.store.allIds())),
    )
  }

  /** Removes one library's listing and every cached search in it. */
  clearLibrary(library: string): number {
    checkText(library, 'library')
    return this.inWriteTransaction(() => {
      const removed = this.store.deleteAll(this.store.libraryIds(library))
      this.stats.countEvictions('cleared', removed)
      return removed
    })
  }

  /** Removes one cached search. */
  clearSearch(library: string, title: string): boolean {
    const key = searchKey(library, title)
    return this.inWriteTransaction(() => {
      const row = this.store.findIncludingExpired(key)
      if (!row) return false
      this.store.delete(row.id)
      this.stats.countEvictions('cleared', 1)
      return true
    })
  }

  /** Deletes every expired entry; returns how many went. */
  sweepExpired(): number {
    return this.inWriteTransaction(() => this.sweepExpiredInTransaction())
  }

  getStats(): CacheStats {
    this.assertOpen()
    const counters = this.stats.readCounters()
    const { hits, misses } = counters.total
    return {
      hits,
      misses,
      hitRate: hits + misses === 0 ? 0 : hits / (hits + misses),
      entryCount: this.store.liveCount(this.clock()),
      accountedBytes: this.store.totalBytes(),
      sizeLimitBytes: this.limits.sizeLimitBytes,
      databaseFileBytes: fileSize(this.file) + fileSize(`${this.file}-wal`),
      evictions: this.stats.readEvictions(),
      byNamespace: counters.byNamespace,
      byLibrary: counters.byLibrary,
    }
  }

  getStatsHistory({ since, bucketSeconds }: { since: number; bucketSeconds: number }): StatsBucket[] {
    this.assertOpen()
    const now = this.clock()
    checkWholeNumber(since, 'since', 0, now)
    checkWholeNumber(bucketSeconds, 'bucketSeconds', 60, MAX_TTL_SECONDS)
    if ((now - since) / (bucketSeconds * 1000) > 10_000) {
      throw new CacheArgumentError('the history range holds more than 10,000 buckets; choose larger buckets')
    }
    return this.stats.history(since, bucketSeconds, now)
  }

  /** Erases statistics and their history; cached data is untouched. */
  resetStats(): void {
    this.assertOpen()
    this.stats.reset()
  }

  flushStats(): void {
    this.assertOpen()
    this.stats.flush(this.clock())
  }

  close(): void {
    if (this.closed) return
    clearInterval(this.flushTimer)
    try {
      this.stats.flush(this.clock())
    } finally {
      this.closed = true
      this.db.close()
    }
  }

  private readCounted<T>(key: EntryKey, read: (entry: EntryRow) => T): T | null {
    this.assertOpen()
    const now = this.clock()
    // One read transaction: a writer in another process can never show us half of a replaced entry.
    const value = this.db.transaction(() => {
      const entry = this.store.findLive(key, now)
      return entry ? read(entry) : null
    })()
    this.stats.record(key.namespace, key.library, value === null ? 'miss' : 'hit', now)
    return value
  }

  private storeEntry(
    key: EntryKey,
    items: CachedItem[],
    ttlSeconds: number,
    meta?: LibraryMeta,
  ): StoreOutcome {
    this.assertOpen()
    const encoded = encodeEntry(items, key.namespace === 'library')
    const now = this.clock()
    return this.inWriteTransaction(() => {
      let evicted = this.sweepExpiredInTransaction()
      const previous = this.store.findIncludingExpired(key)
      if (previous) this.store.delete(previous.id)
      if (encoded.bytes > this.limits.sizeLimitBytes) {
        // The superseded copy is dropped too: keeping it would serve data Plex has since changed.
        this.stats.countEvictions('too_large', 1)
        return { stored: false, reason: 'too_large', bytes: encoded.bytes, evicted }
      }
      const id = this.store.insert(key, encoded, now, now + ttlSeconds * 1000, meta)
      evicted += this.enforceSizeLimit(id)
      return { stored: true, bytes: encoded.bytes, evicted }
    })
  }

  private sweepExpiredInTransaction(): number {
    const removed = this.store.deleteAll(this.store.expiredIds(this.clock()))
    this.stats.countEvictions('expired', removed)
    return removed
  }

  /** Evicts least recently stored entries (never `keepId`) until the total fits; returns how many went. */
  private enforceSizeLimit(keepId: number): number {
    let total = this.store.totalBytes()
    let evicted = 0
    while (total > this.limits.sizeLimitBytes) {
      const oldest = this.store.oldestOtherThan(keepId)
      if (!oldest) break
      this.store.delete(oldest.id)
      total -= oldest.bytes
      evicted++
    }
    this.stats.countEvictions('size_limit', evicted)
    return evicted
  }

  private inWriteTransaction<T>(work: () => T): T {
    this.assertOpen()
    // IMMEDIATE takes the write lock up front, so two processes queue on the busy timeout
    // instead of failing a read-to-write upgrade with "database is locked".
    return this.db.transaction(work).immediate()
  }

  private flushStatsQuietly(): void {
    try {
      this.stats.flush(this.clock())
    } catch {
      // Another process held the write lock past the busy timeout; the counts stay buffered for the next flush.
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('This PlexCache has been closed')
  }
}

function fileSize(file: string): number {
  try {
    return fs.statSync(file).size
  } catch {
    return 0
  }
}
