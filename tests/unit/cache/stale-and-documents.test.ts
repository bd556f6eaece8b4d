import { afterEach, describe, expect, it } from 'vitest'
import { CacheArgumentError, PlexCache } from '../../../src/main/cache'
import { ManualClock } from '../../support/manual-clock'
import { movieLibrary } from '../../support/library-items'
import { tempDir } from '../../support/temp-dir'

const open: PlexCache[] = []
afterEach(() => {
  for (const cache of open.splice(0)) cache.close()
})

function openCache(clock: ManualClock, dataDir = tempDir()): PlexCache {
  const cache = new PlexCache({
    dataDir,
    clock: clock.now,
    libraryTtlSeconds: 60,
    searchTtlSeconds: 60,
    staleRetentionSeconds: 600,
  })
  open.push(cache)
  return cache
}

describe('PlexCache: stale copies kept for when Plex is down', () => {
  it('never serves an expired entry as fresh, but hands it over as stale when asked', () => {
    const clock = new ManualClock()
    const cache = openCache(clock)
    cache.setLibraryItems('Movies', movieLibrary(30), { title: 'Movies', fetchMs: 1234 })
    const fresh = cache.readLibraryPage('Movies', { limit: 10 })
    expect(fresh).toMatchObject({ stale: false, entry: { itemCount: 30, meta: { fetchMs: 1234 } } })
    expect(fresh?.value.items).toHaveLength(10)

    clock.advanceSeconds(60)
    expect(cache.getLibraryItems('Movies')).toBeNull()
    expect(cache.readLibrary('Movies')).toBeNull()
    const stale = cache.readLibrary('Movies', { allowStale: true })
    expect(stale?.stale).toBe(true)
    expect(stale?.value).toHaveLength(30)
    expect(cache.readLibraryPage('Movies', { offset: 25 }, { allowStale: true })?.value.items).toHaveLength(5)
    // Only the first read was a hit: a stale answer is a miss of fresh data.
    expect(cache.getStats().byLibrary.Movies).toEqual({ hits: 1, misses: 4 })
    expect(cache.getStats().entryCount).toBe(0)
  })

  it('keeps expired entries through sweeps until the retention has passed', () => {
    const clock = new ManualClock()
    const cache = openCache(clock)
    cache.setLibraryItems('Movies', movieLibrary(5))
    cache.setSearchResults('Movies', 'lost', movieLibrary(1))
    clock.advanceSeconds(300)
    expect(cache.sweepExpired()).toBe(0)
    cache.setLibraryItems('Other', movieLibrary(2))
    expect(cache.readSearch('Movies', 'LOST', { allowStale: true })?.stale).toBe(true)
    clock.advanceSeconds(360)
    expect(cache.readLibrary('Movies', { allowStale: true })).toBeNull()
    expect(cache.sweepExpired()).toBe(2)
    expect(cache.getStats().evictions.expired).toBe(2)
  })

  it('a renewal makes a stale entry fresh again without rewriting it', () => {
    const clock = new ManualClock()
    const cache = openCache(clock)
    cache.setLibraryItems('Movies', movieLibrary(5), { contentChangedAt: 7 })
    clock.advanceSeconds(120)
    expect(cache.renewLibrary('Movies', { contentChangedAt: 7, fetchMs: 5 })).toBe(true)
    expect(cache.readLibrary('Movies')).toMatchObject({ stale: false, entry: { meta: { fetchMs: 5 } } })
  })
})

describe('PlexCache: documents', () => {
  it('stores small JSON values with a TTL, stale only on request, removed by clear', () => {
    const clock = new ManualClock()
    const cache = openCache(clock)
    cache.setDocument('sections:abc', [{ key: '1', title: 'Movies' }], 60)
    expect(cache.getDocument('sections:abc')).toEqual({
      value: [{ key: '1', title: 'Movies' }],
      createdAt: clock.nowMs,
      expiresAt: clock.nowMs + 60_000,
      stale: false,
    })
    clock.advanceSeconds(60)
    expect(cache.getDocument('sections:abc')).toBeNull()
    expect(cache.getDocument('sections:abc', { allowStale: true })?.stale).toBe(true)
    cache.setDocument('server:last', { machineIdentifier: 'abc' })
    expect(cache.deleteDocument('server:last')).toBe(true)
    expect(cache.deleteDocument('server:last')).toBe(false)
    cache.setDocument('server:last', { machineIdentifier: 'abc' })
    cache.clear()
    expect(cache.getDocument('server:last', { allowStale: true })).toBeNull()
    expect(() => cache.setDocument('', 1)).toThrow(CacheArgumentError)
  })

  it("says whether a fresh copy is kept, and reads another process's new value, not the one parsed before", () => {
    const clock = new ManualClock()
    const dataDir = tempDir()
    const reader = openCache(clock, dataDir)
    const writer = openCache(clock, dataDir)
    expect(reader.hasFreshDocument('sections:abc')).toBe(false)
    writer.setDocument('sections:abc', [{ key: '1', title: 'Movies' }], 60)
    expect(reader.hasFreshDocument('sections:abc')).toBe(true)
    const first = reader.getDocument('sections:abc')?.value
    // Parsed once while the stored text stays the same.
    expect(reader.getDocument('sections:abc')?.value).toBe(first)
    writer.setDocument('sections:abc', [{ key: '2', title: 'Shows' }], 60)
    expect(reader.getDocument('sections:abc')?.value).toEqual([{ key: '2', title: 'Shows' }])
    clock.advanceSeconds(60)
    expect(reader.hasFreshDocument('sections:abc')).toBe(false)
  })
})

describe('PlexCache: named counters', () => {
  it('adds up across instances on one file and is erased by resetStats', () => {
    const clock = new ManualClock()
    const dataDir = tempDir()
    const first = openCache(clock, dataDir)
    const second = openCache(clock, dataDir)
    first.addToCounter('plexRequests', 3)
    second.addToCounter('plexRequests', 2)
    second.addToCounter('timeSavedMs', 1500.4)
    expect(first.getStats().counters).toEqual({ plexRequests: 3 })
    first.flushStats()
    second.flushStats()
    expect(first.getStats().counters).toEqual({ plexRequests: 5, timeSavedMs: 1500 })
    expect(() => first.addToCounter('plexRequests', Number.NaN)).toThrow(CacheArgumentError)
    first.resetStats()
    expect(second.getStats().counters).toEqual({})
  })
})
