import type Database from 'better-sqlite3'
import type { StatsRecorder } from './stats-recorder'
import { asStorageError, storageProblemOf, type CacheStorageError } from './storage-errors'

/** Statistics are best effort: a flush waits this long for another process's write lock, then tries later. */
const STATS_FLUSH_WAIT_MS = 250
/** On close there is no later: waits longer (a big write by another process takes a second or so), then gives up. */
const CLOSE_FLUSH_WAIT_MS = 2_000

/**
 * Every write to the cache file goes through here, so each one is refused or explained the same
 * way: not at all on a cache opened read-only, a plain CacheStorageError for a full disk or a
 * read-only folder, and statistics that never make a reader wait for, or fail on, the lock.
 */
export class WriteGate {
  constructor(
    private readonly db: Database.Database,
    private readonly folder: string,
    /** Set when the cache was opened for reading only: what every write throws. */
    readonly blocked: CacheStorageError | undefined,
    private readonly stats: StatsRecorder,
    private readonly clock: () => number,
  ) {}

  run<T>(work: () => T): T {
    // Refused before any work: a write that cannot be kept must not half happen.
    if (this.blocked) throw this.blocked
    try {
      // IMMEDIATE takes the write lock up front, so two processes queue on the busy timeout
      // instead of failing a read-to-write upgrade with "database is locked".
      return this.db.transaction(work).immediate()
    } catch (error) {
      throw asStorageError(error, this.folder)
    }
  }

  /** Writes buffered hit/miss counts; under another process's long write it fails fast and keeps them. */
  flushStats(): void {
    // A cache that cannot write keeps its counts in memory (getStats still shows them) until it closes.
    if (this.blocked) return
    try {
      this.stats.flush(this.clock(), STATS_FLUSH_WAIT_MS)
    } catch (error) {
      throw asStorageError(error, this.folder)
    }
  }

  /** For the timer: a failed flush keeps its counts for the next one. */
  flushStatsQuietly(): void {
    try {
      this.flushStats()
    } catch {
      // Locked past the short wait, or no room: the counts stay buffered.
    }
  }

  /** The last flush before closing: counts it cannot write are dropped rather than fail the close. */
  flushBeforeClose(): void {
    if (this.blocked) return
    try {
      this.stats.flush(this.clock(), CLOSE_FLUSH_WAIT_MS)
    } catch (error) {
      // Losing one run's counts beats a command that hangs, or fails after its answer was given,
      // because another process holds the lock or the disk has just filled up.
      if (!isBusy(error) && !storageProblemOf(error, this.folder)) throw error
      this.stats.dropPending()
    }
  }
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY')
}
