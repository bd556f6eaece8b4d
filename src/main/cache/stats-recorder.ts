import type Database from 'better-sqlite3'
import {
  consumerCounterName,
  INSPECTION_CONSUMER,
  INSPECTION_READS_COUNTER,
  UNNAMED_CONSUMER,
} from './read-consumers'
import type { RecentReads } from './recent-reads'
import type { EvictionReason, HitMiss, Namespace, StatsBucket } from './types'

/** History is kept per minute; coarser chart buckets are sums of these. */
export const HISTORY_BUCKET_MS = 60_000

/** The longest chart range is a week; a little more is kept so a week back is always whole. */
export const HISTORY_RETENTION_MS = 8 * 24 * 3600 * 1000

const EVICTION_REASONS: readonly EvictionReason[] = [
  'expired',
  'size_limit',
  'too_large',
  'cleared',
  'damaged',
]

interface PendingCounter extends HitMiss {
  namespace: Namespace
  library: string
}

export interface PersistedCounters {
  byNamespace: Record<Namespace, HitMiss>
  byLibrary: Record<string, HitMiss>
  total: HitMiss
}

/**
 * Hit and miss counters, buffered in memory so that a cache read never costs a write
 * transaction, and flushed (by the owner's timer and on close) into tables that every
 * process sharing the file adds to.
 */
export class StatsRecorder {
  private pendingCounters = new Map<string, PendingCounter>()
  private pendingHistory = new Map<number, HitMiss>()
  private pendingNamed = new Map<string, number>()
  private readonly statements

  constructor(
    private readonly db: Database.Database,
    /** Written and reset with the counters: one flush, one transaction. */
    private readonly recentReads: RecentReads,
    private readonly onEvicted: (reason: EvictionReason, count: number) => void = () => {},
  ) {
    this.statements = {
      addCounter: db.prepare(
        `INSERT INTO stat_counters (namespace, library, hits, misses) VALUES (?, ?, ?, ?)
         ON CONFLICT (namespace, library) DO UPDATE SET hits = hits + excluded.hits, misses = misses + excluded.misses`,
      ),
      addHistory: db.prepare(
        `INSERT INTO stat_history (bucket_start, hits, misses) VALUES (?, ?, ?)
         ON CONFLICT (bucket_start) DO UPDATE SET hits = hits + excluded.hits, misses = misses + excluded.misses`,
      ),
      addEviction: db.prepare(
        `INSERT INTO evictions (reason, count) VALUES (?, ?)
         ON CONFLICT (reason) DO UPDATE SET count = count + excluded.count`,
      ),
      addNamed: db.prepare(
        `INSERT INTO named_counters (name, value) VALUES (?, ?)
         ON CONFLICT (name) DO UPDATE SET value = value + excluded.value`,
      ),
      readNamed: db.prepare('SELECT name, value FROM named_counters'),
      pruneHistory: db.prepare('DELETE FROM stat_history WHERE bucket_start < ?'),
      readCounters: db.prepare('SELECT namespace, library, hits, misses FROM stat_counters'),
      readEvictions: db.prepare('SELECT reason, count FROM evictions'),
      readHistory: db.prepare(
        'SELECT bucket_start AS start, hits, misses FROM stat_history WHERE bucket_start >= ? ORDER BY bucket_start',
      ),
    }
  }

  /** One read for `consumer`; an inspection read is counted apart and is never a hit or a miss. */
  record(
    namespace: Namespace,
    library: string,
    outcome: 'hit' | 'miss',
    now: number,
    consumer: string = UNNAMED_CONSUMER,
  ): void {
    if (consumer === INSPECTION_CONSUMER) {
      this.addToCounter(INSPECTION_READS_COUNTER, 1)
      return
    }
    this.addToCounter(consumerCounterName(consumer, outcome === 'hit' ? 'hits' : 'misses'), 1)
    const counterKey = `${namespace}\u0000${library}`
    const counter = this.pendingCounters.get(counterKey) ?? { namespace, library, hits: 0, misses: 0 }
    this.pendingCounters.set(counterKey, counter)
    const bucketStart = now - (now % HISTORY_BUCKET_MS)
    const bucket = this.pendingHistory.get(bucketStart) ?? { hits: 0, misses: 0 }
    this.pendingHistory.set(bucketStart, bucket)
    if (outcome === 'hit') {
      counter.hits++
      bucket.hits++
    } else {
      counter.misses++
      bucket.misses++
    }
  }

  addToCounter(name: string, delta: number): void {
    this.pendingNamed.set(name, (this.pendingNamed.get(name) ?? 0) + delta)
  }

  readNamedCounters(): Record<string, number> {
    const counters: Record<string, number> = {}
    for (const row of this.statements.readNamed.all() as Array<{ name: string; value: number }>) {
      counters[row.name] = row.value
    }
    for (const [name, delta] of this.pendingNamed) counters[name] = (counters[name] ?? 0) + delta
    return counters
  }

  /** Must run inside the caller's write transaction, so evictions are counted exactly when they happen. */
  countEvictions(reason: EvictionReason, count: number): void {
    if (count <= 0) return
    this.statements.addEviction.run(reason, count)
    this.onEvicted(reason, count)
  }

  /**
   * Writes the buffered counts, waiting at most `waitMs` for another process's write lock. Counts
   * are best effort: a flush that gives up keeps them for the next one, and a short wait keeps a
   * flush from freezing the process (and a CLI run from hanging at exit) behind someone else's
   * long write.
   */
  flush(now: number, waitMs: number): void {
    if (
      this.pendingCounters.size === 0 &&
      this.pendingHistory.size === 0 &&
      this.pendingNamed.size === 0 &&
      !this.recentReads.hasPending
    )
      return
    const usualWaitMs = this.db.pragma('busy_timeout', { simple: true }) as number
    this.db.pragma(`busy_timeout = ${waitMs}`)
    try {
      this.write(now)
    } finally {
      this.db.pragma(`busy_timeout = ${usualWaitMs}`)
    }
  }

  /** Forgets the buffered counts, for a closing cache that could not write them. */
  dropPending(): void {
    this.pendingCounters = new Map()
    this.pendingHistory = new Map()
    this.pendingNamed = new Map()
    this.recentReads.dropPending()
  }

  private write(now: number): void {
    const counters = this.pendingCounters
    const history = this.pendingHistory
    const named = this.pendingNamed
    this.db
      .transaction(() => {
        for (const c of counters.values())
          this.statements.addCounter.run(c.namespace, c.library, c.hits, c.misses)
        for (const [start, b] of history) this.statements.addHistory.run(start, b.hits, b.misses)
        for (const [name, delta] of named) this.statements.addNamed.run(name, delta)
        this.recentReads.writePending()
        this.statements.pruneHistory.run(now - HISTORY_RETENTION_MS)
      })
      .immediate()
    // Cleared only after the commit: a failed flush (e.g. a locked file) keeps its counts for the next try.
    this.dropPending()
  }

  /** Flushed totals from every process, plus this process's counts not yet flushed. */
  readCounters(): PersistedCounters {
    const byNamespace: Record<Namespace, HitMiss> = {
      library: { hits: 0, misses: 0 },
      search: { hits: 0, misses: 0 },
    }
    const byLibrary: Record<string, HitMiss> = {}
    const total: HitMiss = { hits: 0, misses: 0 }
    const add = (row: PendingCounter): void => {
      byNamespace[row.namespace].hits += row.hits
      byNamespace[row.namespace].misses += row.misses
      const library = (byLibrary[row.library] ??= { hits: 0, misses: 0 })
      library.hits += row.hits
      library.misses += row.misses
      total.hits += row.hits
      total.misses += row.misses
    }
    for (const row of this.statements.readCounters.all() as PendingCounter[]) add(row)
    for (const row of this.pendingCounters.values()) add(row)
    return { byNamespace, byLibrary, total }
  }

  readEvictions(): Record<EvictionReason, number> {
    const evictions = Object.fromEntries(EVICTION_REASONS.map((reason) => [reason, 0])) as Record<
      EvictionReason,
      number
    >
    for (const row of this.statements.readEvictions.all() as Array<{
      reason: EvictionReason
      count: number
    }>) {
      if (row.reason in evictions) evictions[row.reason] = row.count
    }
    return evictions
  }

  /**
   * Hits and misses per bucket of `bucketSeconds`, from `since` up to `now`, with empty buckets
   * included so a chart's time axis has no gaps.
   */
  history(since: number, bucketSeconds: number, now: number): StatsBucket[] {
    const bucketMs = bucketSeconds * 1000
    const firstStart = since - (since % bucketMs)
    const buckets: StatsBucket[] = []
    for (let start = firstStart; start <= now; start += bucketMs) buckets.push({ start, hits: 0, misses: 0 })
    const addTo = (minuteStart: number, counts: HitMiss): void => {
      const bucket = buckets[Math.floor((minuteStart - firstStart) / bucketMs)]
      if (!bucket) return
      bucket.hits += counts.hits
      bucket.misses += counts.misses
    }
    for (const row of this.statements.readHistory.all(firstStart) as StatsBucket[]) addTo(row.start, row)
    for (const [minuteStart, counts] of this.pendingHistory)
      if (minuteStart >= firstStart) addTo(minuteStart, counts)
    return buckets
  }

  /** Erases every counter, history bucket, eviction count and recent read, including this process's unflushed ones. */
  reset(): void {
    this.db
      .transaction(() => {
        this.db.exec(
          'DELETE FROM stat_counters; DELETE FROM stat_history; DELETE FROM evictions; DELETE FROM named_counters;',
        )
        this.recentReads.clear()
      })
      .immediate()
    this.pendingCounters = new Map()
    this.pendingHistory = new Map()
    this.pendingNamed = new Map()
  }
}
