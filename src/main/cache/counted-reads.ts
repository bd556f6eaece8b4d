import type Database from 'better-sqlite3'
import type { DamagedEntries } from './damaged-entries'
import { toEntryInfo } from './entry-keys'
import type { EntryKey, EntryRow, EntryStore } from './entry-store'
import type { StatsRecorder } from './stats-recorder'
import type { EntryRead, Namespace, ReadOptions } from './types'

export interface CountedReadsDeps {
  db: Database.Database
  store: EntryStore
  damaged: DamagedEntries
  stats: StatsRecorder
  clock: () => number
  /** Throws once the cache is closed. */
  assertOpen: () => void
  staleRetentionMs: () => number
}

/** Reads of listings and searches, each counted for the consumer it was made for. */
export class CountedReads {
  constructor(private readonly deps: CountedReadsDeps) {}

  read<T>(key: EntryKey, options: ReadOptions, read: (entry: EntryRow) => T): EntryRead<T> | null {
    const { db, store, damaged, clock, staleRetentionMs } = this.deps
    this.deps.assertOpen()
    const now = clock()
    const keptUntil = (entry: EntryRow) => entry.expires_at + staleRetentionMs()
    // One read transaction: a writer in another process can never show us half of a replaced entry.
    const readEntry = db.transaction((): EntryRead<T> | null => {
      const entry = store.findIncludingExpired(key)
      if (!entry) return null
      const stale = entry.expires_at <= now
      if (stale && !(options.allowStale && keptUntil(entry) > now)) return null
      return { value: read(entry), entry: toEntryInfo(entry), stale }
    })
    // A damaged copy is no copy: a miss, which the caller answers from Plex (and stores afresh).
    const result = damaged.orElse(readEntry, null)
    if (options.consumer !== false) {
      this.count(key.namespace, key.library, result && !result.stale ? 'hit' : 'miss', options.consumer)
    }
    return result
  }

  count(namespace: Namespace, library: string, outcome: 'hit' | 'miss', consumer?: string): void {
    this.deps.assertOpen()
    this.deps.stats.record(namespace, library, outcome, this.deps.clock(), consumer)
  }
}
