import fs from 'node:fs'
import path from 'node:path'
import type Database from 'better-sqlite3'
import { openCacheDatabase, type CorruptFileRecovery } from './database'
import { CountedReads } from './counted-reads'
import { DamagedEntries } from './damaged-entries'
import { encodeEntry, sortByTitle } from './entry-codec'
import { DocumentStore } from './document-store'
import { EntryStore, type EntryKey } from './entry-store'
import { EntryWriter, tooLargeDocumentKey } from './entry-writer'
import { CacheArgumentError, checkItems, checkText, checkWholeNumber } from './input-checks'
import { libraryKey, searchKey, toEntryInfo } from './entry-keys'
import { checkLimits, DEFAULT_LIMITS, definedOnly, MAX_TTL_SECONDS, type CacheLimits } from './limits'
import { PageReader } from './page-reader'
import { INSPECTION_CONSUMER } from './read-consumers'
import { RecentReads } from './recent-reads'
import { StatsRecorder } from './stats-recorder'
import { CacheStorageError } from './storage-errors'
import { WriteGate } from './write-gate'
import type {
  CachedItem,
  CacheEntryInfo,
  CacheStats,
  EntryRead,
  FileMatch,
  LibraryMeta,
  LibraryPage,
  Namespace,
  PageRequest,
  PlexCacheOptions,
  ReadOptions,
  StatsBucket,
  StoredDocument,
  StoreOutcome,
  TooLargeRecord,
} from './types'
import type { RecentRead } from '../../shared/recent-reads'

const MAX_PAGE_SIZE = 10_000

/** A disk-backed, TTL-governed cache of Plex library listings and title searches. */
export class PlexCache {
  readonly file: string
  /** Set when a damaged cache file was found on open, moved aside and replaced. */
  readonly recovery: CorruptFileRecovery | undefined
  /** Set when the disk is full or the folder read-only: the cache answers reads, and every write throws this. */
  readonly readOnly: CacheStorageError | undefined
  private limits: CacheLimits
  private readonly clock: () => number
  private readonly db: Database.Database
  private readonly store: EntryStore
  private readonly pages: PageReader
  private readonly documents: DocumentStore
  private readonly writer: EntryWriter
  private readonly stats: StatsRecorder
  private readonly flushTimer: NodeJS.Timeout
  private readonly damaged: DamagedEntries
  private readonly gate: WriteGate
  private readonly reads: CountedReads
  private readonly recent: RecentReads
  /** PRAGMA data_version as last seen: it moves when another connection commits (changedElsewhere). */
  private seenDataVersion: number
  private closed = false

  constructor(options: PlexCacheOptions) {
    checkText(options.dataDir, 'dataDir')
    this.clock = options.clock ?? Date.now
    this.limits = checkLimits({ ...DEFAULT_LIMITS, ...definedOnly(options) })
    const opened = openCacheDatabase(options.dataDir, this.clock())
    this.db = opened.db
    this.file = opened.file
    this.recovery = opened.recovery
    this.readOnly = opened.readOnly
    this.store = new EntryStore(this.db)
    this.pages = new PageReader(this.db, this.store)
    this.documents = new DocumentStore(this.db)
    this.recent = new RecentReads(this.db)
    this.stats = new StatsRecorder(this.db, this.recent, options.onEvicted)
    this.writer = new EntryWriter(this.store, this.documents, this.stats, () => this.limits, this.clock)
    this.damaged = new DamagedEntries(this.writer, (work) => this.inWriteTransaction(work), options.onEvent)
    this.gate = new WriteGate(this.db, path.dirname(this.file), opened.readOnly, this.stats, this.clock)
    this.reads = new CountedReads({
      db: this.db,
      store: this.store,
      damaged: this.damaged,
      stats: this.stats,
      clock: this.clock,
      assertOpen: () => this.assertOpen(),
      staleRetentionMs: () => this.limits.staleRetentionSeconds * 1000,
    })
    this.seenDataVersion = this.dataVersion()
    this.flushTimer = setInterval(() => this.gate.flushStatsQuietly(), options.statsFlushIntervalMs ?? 1000)
    this.flushTimer.unref()
    if (opened.readOnly) options.onEvent?.({ type: 'opened-read-only', reason: opened.readOnly.message })
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
    this.inWriteTransaction(() => this.writer.enforceSizeLimit())
  }

  getLibraryItems(library: string): CachedItem[] | null {
    return this.readLibrary(library)?.value ?? null
  }

  /** A whole listing with the entry it came from; with allowStale, an expired copy kept for stale serving. */
  readLibrary(library: string, options: ReadOptions = {}): EntryRead<CachedItem[]> | null {
    return this.reads.read(libraryKey(library), options, (entry) => this.pages.allItems(entry))
  }

  setLibraryItems(library: string, items: CachedItem[], meta?: LibraryMeta): StoreOutcome {
    const key = libraryKey(library)
    checkItems(items, 'items')
    return this.storeEntry(key, sortByTitle(items), this.limits.libraryTtlSeconds, meta)
  }

  getSearchResults(library: string, title: string): CachedItem[] | null {
    return this.readSearch(library, title)?.value ?? null
  }

  readSearch(library: string, title: string, options: ReadOptions = {}): EntryRead<CachedItem[]> | null {
    return this.reads.read(searchKey(library, title), options, (entry) => this.pages.allItems(entry))
  }

  setSearchResults(library: string, title: string, results: CachedItem[], meta?: LibraryMeta): StoreOutcome {
    const key = searchKey(library, title)
    checkItems(results, 'results')
    const ttl = results.length === 0 ? this.limits.emptySearchTtlSeconds : this.limits.searchTtlSeconds
    // Plex's own order is kept for searches: it ranks by relevance, not by title.
    return this.storeEntry(key, results, ttl, meta)
  }

  /** One page of a cached library in title order, optionally filtered by title or file path. */
  getLibraryPage(library: string, request: PageRequest = {}): LibraryPage | null {
    return this.readLibraryPage(library, request)?.value ?? null
  }

  readLibraryPage(
    library: string,
    request: PageRequest = {},
    options: ReadOptions = {},
  ): EntryRead<LibraryPage> | null {
    const key = libraryKey(library)
    const offset = checkWholeNumber(request.offset ?? 0, 'offset', 0, Number.MAX_SAFE_INTEGER)
    const limit = checkWholeNumber(request.limit ?? 200, 'limit', 1, MAX_PAGE_SIZE)
    const filter =
      request.filter === undefined ? '' : checkText(request.filter, 'filter', { allowEmpty: true })
    return this.reads.read(key, options, (entry) => this.pages.page(entry, offset, limit, filter))
  }

  /** A small JSON value with a TTL, such as a server's section list; not counted as a hit or miss. Shared: never change it. */
  getDocument<T>(key: string, options: ReadOptions = {}): StoredDocument<T> | null {
    checkText(key, 'document key')
    this.assertOpen()
    return this.documents.get<T>(key, this.clock(), options.allowStale ?? false)
  }

  /** Whether a fresh copy of the document is kept; cheaper than getDocument, which parses it. */
  hasFreshDocument(key: string): boolean {
    checkText(key, 'document key')
    this.assertOpen()
    return this.documents.hasFresh(key, this.clock())
  }

  setDocument(key: string, value: unknown, ttlSeconds: number = this.limits.libraryTtlSeconds): void {
    checkText(key, 'document key')
    checkWholeNumber(ttlSeconds, 'ttlSeconds', 1, MAX_TTL_SECONDS)
    const now = this.clock()
    try {
      this.inWriteTransaction(() => this.documents.put(key, value, now, now + ttlSeconds * 1000))
    } catch (error) {
      // Documents spare Plex a request (a section list, a server's identity); on a full disk or a
      // read-only folder the read they belong to must still succeed, so it is simply not kept.
      if (!(error instanceof CacheStorageError)) throw error
    }
  }

  deleteDocument(key: string): boolean {
    checkText(key, 'document key')
    return this.inWriteTransaction(() => this.documents.delete(key))
  }

  /** Adds to a named running total kept with the statistics (buffered like hits and misses). */
  addToCounter(name: string, delta: number): void {
    checkText(name, 'counter name')
    if (!Number.isFinite(delta)) throw new CacheArgumentError('a counter can only grow by a finite number')
    this.assertOpen()
    this.stats.addToCounter(name, Math.round(delta))
  }

  /** Counts a read made with `consumer: false`, once its caller knows how it was answered. */
  countRead(namespace: Namespace, library: string, outcome: 'hit' | 'miss', consumer: string): void {
    this.reads.count(namespace, libraryKey(library).library, outcome, consumer)
  }

  /** Adds a read made for a consumer to the recent reads (written with the statistics); inspection is never kept. */
  recordRead(read: RecentRead): void {
    this.assertOpen()
    if (read.consumer === INSPECTION_CONSUMER) return
    this.recent.add(read)
  }

  /** The last reads made for consumers by every process sharing the file, newest first. */
  recentReads(): RecentRead[] {
    this.assertOpen()
    return this.recent.list()
  }

  /**
   * True once after another process (the CLI, a second core in a test) committed to the file: its
   * reads and counts are then worth reading again. Costs one pragma, so a timer may ask often.
   */
  changedElsewhere(): boolean {
    this.assertOpen()
    const version = this.dataVersion()
    const changed = version !== this.seenDataVersion
    this.seenDataVersion = version
    return changed
  }

  /** Items whose file has this name (case-insensitive), in every live cached library (allowStale: and kept ones). */
  findByFileName(name: string, options: ReadOptions = {}): FileMatch[] {
    checkText(name, 'file name')
    this.assertOpen()
    return this.damaged.without((skip) =>
      this.pages.findByFileName(name.trim(), this.oldestServable(options), skip),
    )
  }

  /** Items with a file at exactly this path (case-insensitive), in every live cached library (allowStale: and kept ones). */
  findByPath(path: string, options: ReadOptions = {}): FileMatch[] {
    checkText(path, 'path')
    this.assertOpen()
    return this.damaged.without((skip) =>
      this.pages.findByPath(path.trim(), this.oldestServable(options), skip),
    )
  }

  /** Every live entry, library listings and searches, for the inspector; allowStale adds expired ones still kept. */
  listEntries(options: ReadOptions = {}): CacheEntryInfo[] {
    this.assertOpen()
    return this.store.liveEntries(this.oldestServable(options)).map(toEntryInfo)
  }

  /** The store's queries keep entries expiring after this instant: now, or with allowStale the retention's start. */
  private oldestServable(options: ReadOptions): number {
    const now = this.clock()
    return options.allowStale ? now - this.limits.staleRetentionSeconds * 1000 : now
  }

  /** A library's entry, expired or not, without counting a hit or a miss: for refresh decisions. */
  getLibraryInfo(library: string): (CacheEntryInfo & { expired: boolean }) | null {
    const key = libraryKey(library)
    this.assertOpen()
    const row = this.store.findIncludingExpired(key)
    return row ? { ...toEntryInfo(row), expired: row.expires_at <= this.clock() } : null
  }

  /**
   * Set when the library's last fetched listing was not stored because it alone needs more than the
   * size limit, and the limit (as it is now) still cannot hold it.
   */
  getTooLarge(library: string): TooLargeRecord | null {
    const key = libraryKey(library)
    this.assertOpen()
    const record = this.documents.get<TooLargeRecord>(tooLargeDocumentKey(key.library), this.clock(), true)
    if (!record || record.value.neededBytes <= this.limits.sizeLimitBytes) return null
    return { ...record.value, limitBytes: this.limits.sizeLimitBytes }
  }

  /**
   * Like getLibraryInfo, after checking every stored chunk of the listing against its checksums; a
   * damaged listing is dropped (and reported) and this returns null. For a refresh deciding whether
   * the cached copy is worth keeping: a revalidation must not renew a damaged copy.
   */
  getIntactLibraryInfo(library: string): (CacheEntryInfo & { expired: boolean }) | null {
    const key = libraryKey(library)
    this.assertOpen()
    const verify = this.db.transaction(() => {
      const row = this.store.findIncludingExpired(key)
      if (row) this.pages.verify(row)
      return true
    })
    return this.damaged.orElse(verify, false) ? this.getLibraryInfo(library) : null
  }

  /** Starts a library's TTL again without rewriting its items, for a revalidation that found no change. */
  renewLibrary(library: string, meta?: LibraryMeta): boolean {
    const key = libraryKey(library)
    return this.inWriteTransaction(() => this.writer.renew(key, meta))
  }

  /** Removes every cached listing, search and document; statistics stay. */
  clear(): void {
    this.inWriteTransaction(() => this.writer.clearAll())
  }

  /** Removes one library's listing and every cached search in it. */
  clearLibrary(library: string): number {
    checkText(library, 'library')
    return this.inWriteTransaction(() => this.writer.clearLibrary(library))
  }

  /** Removes one cached search. */
  clearSearch(library: string, title: string): boolean {
    const key = searchKey(library, title)
    return this.inWriteTransaction(() => this.writer.clearOne(key))
  }

  /** Deletes every expired entry; returns how many went. */
  sweepExpired(): number {
    return this.inWriteTransaction(() => this.writer.sweepExpired())
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
      storedEntryCount: this.store.storedCount(),
      accountedBytes: this.store.totalBytes(),
      sizeLimitBytes: this.limits.sizeLimitBytes,
      databaseFileBytes: fileSize(this.file) + fileSize(`${this.file}-wal`),
      evictions: this.stats.readEvictions(),
      byNamespace: counters.byNamespace,
      byLibrary: counters.byLibrary,
      counters: this.stats.readNamedCounters(),
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
    this.gate.run(() => this.stats.reset())
  }

  /** Writes buffered hit/miss counts; under another process's long write it fails fast and keeps them. */
  flushStats(): void {
    this.assertOpen()
    this.gate.flushStats()
  }

  close(): void {
    if (this.closed) return
    clearInterval(this.flushTimer)
    try {
      this.gate.flushBeforeClose()
    } finally {
      this.closed = true
      this.db.close()
    }
  }

  private storeEntry(
    key: EntryKey,
    items: CachedItem[],
    ttlSeconds: number,
    meta?: LibraryMeta,
  ): StoreOutcome {
    this.assertOpen()
    // Encoded before the transaction: the write lock is held only for the SQL.
    const encoded = encodeEntry(items, key.namespace === 'library')
    return this.inWriteTransaction(() => this.writer.replace(key, encoded, ttlSeconds, meta))
  }

  private inWriteTransaction<T>(work: () => T): T {
    this.assertOpen()
    // Refused before any work: a write that cannot be kept must not half happen.
    return this.gate.run(work)
  }

  private dataVersion(): number {
    return this.db.pragma('data_version', { simple: true }) as number
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
