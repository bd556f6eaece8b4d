import { afterEach, describe, expect, it } from 'vitest'
import { PlexCache } from '../../../src/main/cache'
import { ManualClock } from '../../support/manual-clock'
import { movieLibrary } from '../../support/library-items'
import { tempDir } from '../../support/temp-dir'

let cache: PlexCache | undefined
afterEach(() => cache?.close())

/** What one 20-item library costs, measured by storing it once in a throwaway cache. */
function bytesOfLibrary(count: number): number {
  const probe = new PlexCache({ dataDir: tempDir() })
  const { bytes } = probe.setLibraryItems('probe', movieLibrary(count))
  probe.close()
  return bytes
}

describe('PlexCache: size limit', () => {
  it('evicts the least recently stored entries first, whatever was read since', () => {
    const entryBytes = bytesOfLibrary(20)
    const clock = new ManualClock()
    cache = new PlexCache({ dataDir: tempDir(), clock: clock.now, sizeLimitBytes: entryBytes * 3 + 10 })
    for (const name of ['A', 'B', 'C']) {
      expect(cache.setLibraryItems(name, movieLibrary(20)).stored).toBe(true)
      clock.advanceSeconds(1)
    }
    // Reading A does not protect it: reads never write, so the order is by time stored.
    expect(cache.getLibraryItems('A')).toHaveLength(20)
    const outcome = cache.setLibraryItems('D', movieLibrary(20))
    expect(outcome).toMatchObject({ stored: true, evicted: 1 })
    expect(cache.getLibraryItems('A')).toBeNull()
    expect(cache.listEntries().map((entry) => entry.library)).toEqual(['B', 'C', 'D'])

    clock.advanceSeconds(1)
    cache.setLibraryItems('E', movieLibrary(40))
    expect(cache.listEntries().map((entry) => entry.library)).toEqual(['D', 'E'])
    const stats = cache.getStats()
    expect(stats.accountedBytes).toBeLessThanOrEqual(stats.sizeLimitBytes)
    expect(stats.evictions.size_limit).toBe(3)
  })

  it('keeps the accounted bytes at or below the limit after every write', () => {
    const entryBytes = bytesOfLibrary(20)
    cache = new PlexCache({ dataDir: tempDir(), sizeLimitBytes: Math.floor(entryBytes * 4.5) })
    for (let i = 0; i < 30; i++) {
      cache.setLibraryItems(`Library ${i % 9}`, movieLibrary(5 + ((i * 7) % 30), { seed: i }))
      cache.setSearchResults(`Library ${i % 9}`, `query ${i}`, movieLibrary(i % 4))
      const stats = cache.getStats()
      expect(stats.accountedBytes).toBeLessThanOrEqual(stats.sizeLimitBytes)
      expect(stats.accountedBytes).toBe(cache.listEntries().reduce((sum, entry) => sum + entry.bytes, 0))
    }
    expect(cache.getStats().evictions.size_limit).toBeGreaterThan(0)
  })

  it('does not store an entry larger than the whole limit, reports it, and drops the copy it supersedes', () => {
    const small = bytesOfLibrary(5)
    cache = new PlexCache({ dataDir: tempDir(), sizeLimitBytes: small * 4 })
    cache.setLibraryItems('Movies', movieLibrary(5))
    cache.setLibraryItems('Other', movieLibrary(5))
    const outcome = cache.setLibraryItems('Movies', movieLibrary(500))
    expect(outcome.stored).toBe(false)
    expect(outcome.reason).toBe('too_large')
    expect(outcome.bytes).toBeGreaterThan(small * 4)
    expect(cache.getLibraryItems('Movies')).toBeNull()
    expect(cache.getLibraryItems('Other')).toHaveLength(5)
    expect(cache.getStats().evictions.too_large).toBe(1)
  })

  it('remembers, for every process, that a library was too large until it fits, is stored or is cleared', () => {
    const dataDir = tempDir()
    const limit = bytesOfLibrary(5) * 4
    cache = new PlexCache({ dataDir, sizeLimitBytes: limit })
    const outcome = cache.setLibraryItems('Movies', movieLibrary(500))
    expect(outcome).toMatchObject({ stored: false, reason: 'too_large', sizeLimitBytes: limit })
    cache.close()

    cache = new PlexCache({ dataDir, sizeLimitBytes: limit })
    expect(cache.getTooLarge('Movies')).toEqual({
      neededBytes: outcome.bytes,
      limitBytes: limit,
      at: expect.any(Number),
    })
    expect(cache.getTooLarge('Other')).toBeNull()
    cache.clearLibrary('Movies')
    expect(cache.getTooLarge('Movies')).toBeNull()

    cache.setLibraryItems('Movies', movieLibrary(500))
    // A raised limit that can hold it makes the record moot at once, before any refetch.
    cache.configure({ sizeLimitBytes: outcome.bytes })
    expect(cache.getTooLarge('Movies')).toBeNull()
    cache.configure({ sizeLimitBytes: limit })
    expect(cache.getTooLarge('Movies')?.limitBytes).toBe(limit)
    cache.configure({ sizeLimitBytes: outcome.bytes * 2 })
    cache.setLibraryItems('Movies', movieLibrary(500))
    cache.configure({ sizeLimitBytes: limit })
    expect(cache.getTooLarge('Movies')).toBeNull()
  })

  it('applies a lower limit at once, and new TTLs to the next write', () => {
    const entryBytes = bytesOfLibrary(20)
    const clock = new ManualClock()
    cache = new PlexCache({ dataDir: tempDir(), clock: clock.now })
    for (const name of ['A', 'B', 'C']) {
      cache.setLibraryItems(name, movieLibrary(20))
      clock.advanceSeconds(1)
    }
    cache.configure({ sizeLimitBytes: entryBytes + 1, libraryTtlSeconds: 10 })
    expect(cache.listEntries().map((entry) => entry.library)).toEqual(['C'])
    cache.setLibraryItems('D', movieLibrary(1))
    expect(cache.listEntries().find((entry) => entry.library === 'D')?.expiresAt).toBe(clock.nowMs + 10_000)
    expect(() => cache?.configure({ libraryTtlSeconds: -5 })).toThrow(/libraryTtlSeconds/)
    expect(cache.currentLimits.libraryTtlSeconds).toBe(10)
  })
})

describe('PlexCache: eviction reasons', () => {
  it('counts expired, size_limit, too_large and cleared separately', () => {
    const entryBytes = bytesOfLibrary(10)
    const clock = new ManualClock()
    cache = new PlexCache({
      dataDir: tempDir(),
      clock: clock.now,
      libraryTtlSeconds: 60,
      sizeLimitBytes: entryBytes * 2 + 5,
    })
    cache.setLibraryItems('old', movieLibrary(10))
    clock.advanceSeconds(60)
    cache.setLibraryItems('A', movieLibrary(10)) // sweeps "old" as expired
    clock.advanceSeconds(1)
    cache.setLibraryItems('B', movieLibrary(10))
    clock.advanceSeconds(1)
    cache.setLibraryItems('C', movieLibrary(10)) // evicts A for size
    cache.setLibraryItems('huge', movieLibrary(200)) // too large
    cache.clear() // B and C
    expect(cache.getStats().evictions).toEqual({
      expired: 1,
      size_limit: 1,
      too_large: 1,
      cleared: 2,
      damaged: 0,
    })
  })

  it('sweepExpired removes only expired entries', () => {
    const clock = new ManualClock()
    cache = new PlexCache({
      dataDir: tempDir(),
      clock: clock.now,
      libraryTtlSeconds: 60,
      searchTtlSeconds: 600,
    })
    cache.setLibraryItems('Movies', movieLibrary(3))
    cache.setSearchResults('Movies', 'silent', movieLibrary(1))
    clock.advanceSeconds(60)
    expect(cache.sweepExpired()).toBe(1)
    expect(cache.getLibraryInfo('Movies')).toBeNull()
    expect(cache.getSearchResults('Movies', 'silent')).toHaveLength(1)
    expect(cache.getStats().evictions.expired).toBe(1)
  })
})
