import type { DocumentStore } from './document-store'
import type { EncodedEntry } from './entry-codec'
import type { EntryKey, EntryRow, EntryStore } from './entry-store'
import type { CacheLimits } from './limits'
import type { StatsRecorder } from './stats-recorder'
import type { LibraryMeta, StoreOutcome, TooLargeRecord } from './types'

/**
 * Where a library turned away as too large is remembered, so every process's library list can say
 * why it is not cached. Kept until the library is stored or cleared: it never expires by itself.
 */
export function tooLargeDocumentKey(library: string): string {
  return `too-large:${library}`
}

/**
 * Every change to stored entries, with its eviction accounting. Each method expects to run inside
 * the caller's write transaction, so a write and the evictions it causes commit together.
 */
export class EntryWriter {
  constructor(
    private readonly store: EntryStore,
    private readonly documents: DocumentStore,
    private readonly stats: StatsRecorder,
    private readonly limits: () => CacheLimits,
    private readonly clock: () => number,
  ) {}

  /** Replaces the entry at `key` whole, then evicts what the size limit no longer allows. */
  replace(key: EntryKey, encoded: EncodedEntry, ttlSeconds: number, meta?: LibraryMeta): StoreOutcome {
    const now = this.clock()
    let evicted = this.sweepExpired()
    const previous = this.store.findIncludingExpired(key)
    if (previous) this.store.delete(previous.id)
    const sizeLimitBytes = this.limits().sizeLimitBytes
    if (encoded.bytes > sizeLimitBytes) {
      // The superseded copy is dropped too: keeping it would serve data Plex has since changed.
      this.stats.countEvictions('too_large', 1)
      if (key.namespace === 'library') {
        const record: TooLargeRecord = { neededBytes: encoded.bytes, limitBytes: sizeLimitBytes, at: now }
        this.documents.put(tooLargeDocumentKey(key.library), record, now, Number.MAX_SAFE_INTEGER)
      }
      return { stored: false, reason: 'too_large', bytes: encoded.bytes, evicted, sizeLimitBytes }
    }
    if (key.namespace === 'library') this.documents.delete(tooLargeDocumentKey(key.library))
    const id = this.store.insert(key, encoded, now, now + ttlSeconds * 1000, meta)
    evicted += this.enforceSizeLimit(id)
    return { stored: true, bytes: encoded.bytes, evicted }
  }

  renew(key: EntryKey, meta?: LibraryMeta): boolean {
    const row = this.store.findIncludingExpired(key)
    if (!row) return false
    this.store.renew(row.id, this.clock() + this.limits().libraryTtlSeconds * 1000, meta)
    return true
  }

  clearAll(): void {
    this.stats.countEvictions('cleared', this.store.deleteAll(this.store.allIds()))
    this.documents.deleteByPrefix('')
  }

  clearLibrary(library: string): number {
    const removed = this.store.deleteAll(this.store.libraryIds(library))
    this.documents.delete(tooLargeDocumentKey(library))
    this.stats.countEvictions('cleared', removed)
    return removed
  }

  clearOne(key: EntryKey): boolean {
    const row = this.store.findIncludingExpired(key)
    if (!row) return false
    this.store.delete(row.id)
    this.stats.countEvictions('cleared', 1)
    return true
  }

  /** Deletes an entry found damaged, whole (a part of a listing is worse than none); returns what it was. */
  dropDamaged(id: number): EntryRow | undefined {
    const row = this.store.findById(id)
    if (!row) return undefined
    this.store.delete(id)
    this.stats.countEvictions('damaged', 1)
    return row
  }

  /** Deletes entries past their TTL and past the time they are kept for stale serving. */
  sweepExpired(): number {
    const keptUntil = this.clock() - this.limits().staleRetentionSeconds * 1000
    const removed = this.store.deleteAll(this.store.expiredIds(keptUntil))
    this.stats.countEvictions('expired', removed)
    return removed
  }

  /** Evicts least recently stored entries (never `keepId`) until the total fits; returns how many went. */
  enforceSizeLimit(keepId = -1): number {
    let total = this.store.totalBytes()
    let evicted = 0
    while (total > this.limits().sizeLimitBytes) {
      const oldest = this.store.oldestOtherThan(keepId)
      if (!oldest) break
      this.store.delete(oldest.id)
      total -= oldest.bytes
      evicted++
    }
    this.stats.countEvictions('size_limit', evicted)
    return evicted
  }
}
