import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { PlexCache, databasePath, type PlexCacheOptions } from '../../../src/main/cache'
import { ManualClock } from '../../support/manual-clock'
import { movieLibrary } from '../../support/library-items'
import { tempDir } from '../../support/temp-dir'

const open: PlexCache[] = []
function openCache(options: PlexCacheOptions): PlexCache {
  const cache = new PlexCache(options)
  open.push(cache)
  return cache
}
afterEach(() => {
  for (const cache of open.splice(0)) cache.close()
})

describe('PlexCache: what the original module did', () => {
  it('creates the cache directory and database file when they are missing', () => {
    const dataDir = path.join(tempDir(), 'not', 'yet', 'there')
    openCache({ dataDir })
    expect(fs.statSync(path.join(dataDir, 'cache')).isDirectory()).toBe(true)
    expect(fs.existsSync(databasePath(dataDir))).toBe(true)
    expect(databasePath(dataDir)).toBe(path.join(dataDir, 'cache', 'plex-cache.sqlite'))
  })

  it('stores and returns library items until the library TTL runs out', () => {
    const clock = new ManualClock()
    const cache = openCache({ dataDir: tempDir(), clock: clock.now, libraryTtlSeconds: 600 })
    const items = movieLibrary(25)
    cache.setLibraryItems('Movies', items)
    const byKey = (a: { ratingKey: string }, b: { ratingKey: string }) =>
      a.ratingKey.localeCompare(b.ratingKey)
    expect(cache.getLibraryItems('Movies')?.sort(byKey)).toEqual([...items].sort(byKey))
    clock.advanceSeconds(599)
    expect(cache.getLibraryItems('Movies')).toHaveLength(25)
    clock.advanceSeconds(1)
    expect(cache.getLibraryItems('Movies')).toBeNull()
  })

  it('stores and returns search results until the search TTL runs out, in Plex order', () => {
    const clock = new ManualClock()
    const cache = openCache({ dataDir: tempDir(), clock: clock.now, searchTtlSeconds: 120 })
    const results = movieLibrary(3).reverse()
    cache.setSearchResults('Movies', 'Silent', results)
    expect(cache.getSearchResults('Movies', 'Silent')).toEqual(results)
    clock.advanceSeconds(120)
    expect(cache.getSearchResults('Movies', 'Silent')).toBeNull()
  })

  it('returns null on a miss', () => {
    const cache = openCache({ dataDir: tempDir() })
    expect(cache.getLibraryItems('Nothing here')).toBeNull()
    expect(cache.getSearchResults('Movies', 'nothing')).toBeNull()
    expect(cache.getLibraryPage('Nothing here')).toBeNull()
  })

  it('clear removes every library and search', () => {
    const cache = openCache({ dataDir: tempDir() })
    cache.setLibraryItems('Movies', movieLibrary(10))
    cache.setLibraryItems('Other', movieLibrary(5))
    cache.setSearchResults('Movies', 'echo', movieLibrary(2))
    cache.clear()
    expect(cache.getLibraryItems('Movies')).toBeNull()
    expect(cache.getLibraryItems('Other')).toBeNull()
    expect(cache.getSearchResults('Movies', 'echo')).toBeNull()
    expect(cache.listEntries()).toEqual([])
    expect(cache.getStats().accountedBytes).toBe(0)
  })

  it('counts hits and misses', () => {
    const cache = openCache({ dataDir: tempDir() })
    cache.getLibraryItems('Movies')
    cache.setLibraryItems('Movies', movieLibrary(3))
    cache.getLibraryItems('Movies')
    cache.getLibraryItems('Movies')
    cache.getSearchResults('Movies', 'river')
    const stats = cache.getStats()
    expect(stats.hits).toBe(2)
    expect(stats.misses).toBe(2)
    expect(stats.hitRate).toBe(0.5)
    expect(stats.byNamespace.library).toEqual({ hits: 2, misses: 1 })
    expect(stats.byNamespace.search).toEqual({ hits: 0, misses: 1 })
    expect(stats.byLibrary.Movies).toEqual({ hits: 2, misses: 2 })
  })

  it('keeps data across a new PlexCache on the same directory', () => {
    const dataDir = tempDir()
    const first = new PlexCache({ dataDir })
    first.setLibraryItems('Movies', movieLibrary(40))
    first.setSearchResults('Movies', 'Lost', movieLibrary(2))
    first.close()
    const second = openCache({ dataDir })
    expect(second.getLibraryItems('Movies')).toHaveLength(40)
    expect(second.getSearchResults('Movies', 'lost')).toHaveLength(2)
  })
})

describe('PlexCache: TTL and keys', () => {
  it('treats an entry as expired at exactly its TTL, and live one millisecond before', () => {
    const clock = new ManualClock()
    const cache = openCache({ dataDir: tempDir(), clock: clock.now, libraryTtlSeconds: 3600 })
    cache.setLibraryItems('Movies', movieLibrary(2))
    const [entry] = cache.listEntries()
    expect(entry?.expiresAt).toBe(clock.nowMs + 3_600_000)
    clock.nowMs += 3_600_000 - 1
    expect(cache.getLibraryItems('Movies')).not.toBeNull()
    clock.nowMs += 1
    expect(cache.getLibraryItems('Movies')).toBeNull()
    expect(cache.listEntries()).toEqual([])
    expect(cache.getStats().entryCount).toBe(0)
  })

  it('gives an empty search result the shorter empty-search TTL', () => {
    const clock = new ManualClock()
    const cache = openCache({
      dataDir: tempDir(),
      clock: clock.now,
      searchTtlSeconds: 3600,
      emptySearchTtlSeconds: 300,
    })
    cache.setSearchResults('Movies', 'Just Scanned', [])
    cache.setSearchResults('Movies', 'Silent', movieLibrary(1))
    expect(cache.getSearchResults('Movies', 'Just Scanned')).toEqual([])
    clock.advanceSeconds(300)
    expect(cache.getSearchResults('Movies', 'Just Scanned')).toBeNull()
    expect(cache.getSearchResults('Movies', 'Silent')).toHaveLength(1)
  })

  it('restarts the TTL when an entry is set again, replacing it whole', () => {
    const clock = new ManualClock()
    const cache = openCache({ dataDir: tempDir(), clock: clock.now, libraryTtlSeconds: 100 })
    cache.setLibraryItems('Movies', movieLibrary(30))
    clock.advanceSeconds(90)
    cache.setLibraryItems('Movies', movieLibrary(4))
    clock.advanceSeconds(90)
    expect(cache.getLibraryItems('Movies')).toHaveLength(4)
    expect(cache.listEntries()).toHaveLength(1)
  })

  it('normalises search keys: case, surrounding spaces and Unicode composition', () => {
    const cache = openCache({ dataDir: tempDir() })
    cache.setSearchResults('Movies', 'The Matrix', movieLibrary(1))
    expect(cache.getSearchResults('Movies', ' the matrix ')).toHaveLength(1)
    expect(cache.getSearchResults('Movies', 'THE MATRIX')).toHaveLength(1)
    cache.setSearchResults('Movies', 'Ame\u0301lie', movieLibrary(2))
    expect(cache.getSearchResults('Movies', 'AM\u00c9LIE')).toHaveLength(2)
    expect(cache.getSearchResults('Movies', 'The Matrix Reloaded')).toBeNull()
    expect(cache.getSearchResults('TV Shows', 'The Matrix')).toBeNull()
    expect(cache.listEntries().map((entry) => entry.query)).toEqual(['amélie', 'the matrix'])
  })

  it('clearLibrary removes the library and its searches but no other library', () => {
    const cache = openCache({ dataDir: tempDir() })
    cache.setLibraryItems('Movies', movieLibrary(5))
    cache.setSearchResults('Movies', 'echo', movieLibrary(1))
    cache.setLibraryItems('Shows', movieLibrary(3))
    expect(cache.clearLibrary('Movies')).toBe(2)
    expect(cache.getLibraryItems('Movies')).toBeNull()
    expect(cache.getSearchResults('Movies', 'echo')).toBeNull()
    expect(cache.getLibraryItems('Shows')).toHaveLength(3)
    expect(cache.getStats().evictions.cleared).toBe(2)
  })

  it('renews a library TTL without rewriting it, and keeps its meta for revalidation', () => {
    const clock = new ManualClock()
    const cache = openCache({ dataDir: tempDir(), clock: clock.now, libraryTtlSeconds: 60 })
    cache.setLibraryItems('Movies', movieLibrary(5), {
      title: 'Movies',
      type: 'movie',
      contentChangedAt: 41,
      totalSize: 5,
    })
    clock.advanceSeconds(61)
    expect(cache.getLibraryInfo('Movies')).toMatchObject({ expired: true, meta: { contentChangedAt: 41 } })
    expect(cache.renewLibrary('Movies')).toBe(true)
    expect(cache.getLibraryItems('Movies')).toHaveLength(5)
    expect(cache.getLibraryInfo('Movies')).toMatchObject({ expired: false, expiresAt: clock.nowMs + 60_000 })
    expect(cache.renewLibrary('Unknown')).toBe(false)
  })
})
