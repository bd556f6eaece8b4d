import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { PlexCache, databasePath } from '../../../src/main/cache'
import { ManualClock } from '../../support/manual-clock'
import { movieLibrary } from '../../support/library-items'
import { tempDir } from '../../support/temp-dir'

const open: PlexCache[] = []
afterEach(() => {
  for (const cache of open.splice(0)) cache.close()
})

function persistedHits(dataDir: string): number {
  const db = new Database(databasePath(dataDir), { readonly: true })
  try {
    return (db.prepare('SELECT coalesce(sum(hits), 0) AS hits FROM stat_counters').get() as { hits: number })
      .hits
  } finally {
    db.close()
  }
}

describe('PlexCache: statistics', () => {
  it('keeps counters across restarts and adds up every process that shares the file', () => {
    const dataDir = tempDir()
    const first = new PlexCache({ dataDir })
    first.setLibraryItems('Movies', movieLibrary(3))
    first.getLibraryItems('Movies')
    first.getLibraryItems('Missing')
    first.close()

    const second = new PlexCache({ dataDir })
    const third = new PlexCache({ dataDir })
    open.push(second, third)
    second.getLibraryItems('Movies')
    third.getLibraryItems('Movies')
    third.getSearchResults('Movies', 'x')
    second.flushStats()
    third.flushStats()
    for (const view of [second, third]) {
      const stats = view.getStats()
      expect(stats.hits).toBe(3)
      expect(stats.misses).toBe(2)
      expect(stats.byLibrary).toEqual({ Movies: { hits: 3, misses: 1 }, Missing: { hits: 0, misses: 1 } })
    }
  })

  it('buffers counters in memory: a read writes nothing until the flush', () => {
    const dataDir = tempDir()
    const cache = new PlexCache({ dataDir, statsFlushIntervalMs: 60_000 })
    open.push(cache)
    cache.setLibraryItems('Movies', movieLibrary(3))
    for (let i = 0; i < 5; i++) cache.getLibraryItems('Movies')
    expect(persistedHits(dataDir)).toBe(0)
    expect(cache.getStats().hits).toBe(5)
    cache.flushStats()
    expect(persistedHits(dataDir)).toBe(5)
    expect(cache.getStats().hits).toBe(5)
  })

  it('flushes on its own timer', async () => {
    const dataDir = tempDir()
    const cache = new PlexCache({ dataDir, statsFlushIntervalMs: 50 })
    open.push(cache)
    cache.getLibraryItems('Movies')
    cache.setLibraryItems('Movies', movieLibrary(1))
    cache.getLibraryItems('Movies')
    await expect.poll(() => persistedHits(dataDir), { timeout: 5_000 }).toBe(1)
  })

  it('groups history into the requested buckets, with empty buckets kept', () => {
    const clock = new ManualClock(Date.UTC(2026, 10, 25, 12, 0, 0))
    const cache = new PlexCache({ dataDir: tempDir(), clock: clock.now })
    open.push(cache)
    const start = clock.nowMs
    cache.setLibraryItems('Movies', movieLibrary(2))
    cache.getLibraryItems('Movies') // 12:00 hit
    cache.getLibraryItems('Nope') // 12:00 miss
    clock.advanceSeconds(5 * 60)
    cache.flushStats()
    cache.getLibraryItems('Movies') // 12:05 hit
    clock.advanceSeconds(20 * 60)
    cache.getLibraryItems('Movies') // 12:25 hit, still unflushed
    cache.getLibraryItems('Nope') // 12:25 miss

    const buckets = cache.getStatsHistory({ since: start, bucketSeconds: 600 })
    expect(buckets).toEqual([
      { start, hits: 2, misses: 1 },
      { start: start + 600_000, hits: 0, misses: 0 },
      { start: start + 1_200_000, hits: 1, misses: 1 },
    ])
    const perMinute = cache.getStatsHistory({ since: start + 5 * 60_000, bucketSeconds: 60 })
    expect(perMinute[0]).toEqual({ start: start + 5 * 60_000, hits: 1, misses: 0 })
    expect(perMinute).toHaveLength(21)
    expect(() => cache.getStatsHistory({ since: start, bucketSeconds: 1 })).toThrow(/bucketSeconds/)
  })

  it('keeps statistics when data is cleared, and erases them only on resetStats', () => {
    const dataDir = tempDir()
    const cache = new PlexCache({ dataDir })
    open.push(cache)
    cache.setLibraryItems('Movies', movieLibrary(2))
    cache.getLibraryItems('Movies')
    cache.getLibraryItems('Other')
    cache.flushStats()
    cache.clear()
    expect(cache.getStats()).toMatchObject({ hits: 1, misses: 1, evictions: { cleared: 1 } })
    expect(
      cache.getStatsHistory({ since: Date.now() - 3_600_000, bucketSeconds: 3600 }).some((b) => b.hits === 1),
    ).toBe(true)

    cache.getLibraryItems('Other')
    cache.resetStats()
    const stats = cache.getStats()
    expect(stats).toMatchObject({ hits: 0, misses: 0, hitRate: 0, byLibrary: {} })
    expect(stats.evictions).toEqual({ expired: 0, size_limit: 0, too_large: 0, cleared: 0, damaged: 0 })
    expect(
      cache
        .getStatsHistory({ since: Date.now() - 3_600_000, bucketSeconds: 3600 })
        .every((b) => b.hits + b.misses === 0),
    ).toBe(true)
    cache.close()
    open.pop()
    expect(persistedHits(dataDir)).toBe(0)
  })

  it('reports live entries, accounted bytes and the file size on disk', () => {
    const clock = new ManualClock()
    const cache = new PlexCache({
      dataDir: tempDir(),
      clock: clock.now,
      libraryTtlSeconds: 60,
      searchTtlSeconds: 3600,
    })
    open.push(cache)
    const a = cache.setLibraryItems('Movies', movieLibrary(100))
    const b = cache.setSearchResults('Movies', 'echo', movieLibrary(3))
    let stats = cache.getStats()
    expect(stats.entryCount).toBe(2)
    expect(stats.accountedBytes).toBe(a.bytes + b.bytes)
    expect(stats.databaseFileBytes).toBeGreaterThan(a.bytes)
    clock.advanceSeconds(60)
    stats = cache.getStats()
    expect(stats.entryCount).toBe(1)
    // The expired library is still kept for stale serving, so it is still cached.
    expect(stats.storedEntryCount).toBe(2)
  })
})

describe('PlexCache: statistics history retention', () => {
  it('drops history older than eight days when it flushes', () => {
    const clock = new ManualClock()
    const cache = new PlexCache({ dataDir: tempDir(), clock: clock.now })
    try {
      const start = clock.nowMs
      cache.getLibraryItems('Movies')
      cache.flushStats()
      clock.advanceSeconds(8 * 24 * 3600 + 60)
      cache.getLibraryItems('Movies')
      cache.flushStats()
      const history = cache.getStatsHistory({ since: start, bucketSeconds: 24 * 3600 })
      expect(history.reduce((sum, bucket) => sum + bucket.misses, 0)).toBe(1)
      // Totals are not history: they keep counting until resetStats.
      expect(cache.getStats().misses).toBe(2)
    } finally {
      cache.close()
    }
  })
})
