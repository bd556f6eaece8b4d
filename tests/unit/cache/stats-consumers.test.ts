import { afterEach, describe, expect, it } from 'vitest'
import { consumerName, figuresByConsumer, PlexCache } from '../../../src/main/cache'
import { ManualClock } from '../../support/manual-clock'
import { movieLibrary } from '../../support/library-items'
import { tempDir } from '../../support/temp-dir'

const open: PlexCache[] = []
afterEach(() => {
  for (const cache of open.splice(0)) cache.close()
})

function openCache(dataDir = tempDir()): PlexCache {
  const cache = new PlexCache({ dataDir, clock: new ManualClock().now })
  open.push(cache)
  return cache
}

describe('PlexCache: reads counted for their consumer', () => {
  it('counts hits and misses for the named consumer, and inspection reads apart', () => {
    const cache = openCache()
    cache.setLibraryItems('Movies', movieLibrary(3))
    cache.readLibrary('Movies', { consumer: 'cli' })
    cache.readLibraryPage('Missing', {}, { consumer: 'cli' })
    cache.readLibraryPage('Movies', { limit: 2 }, { consumer: 'inspection' })
    cache.readSearch('Movies', 'x', { consumer: 'inspection' })
    const stats = cache.getStats()
    expect(stats).toMatchObject({ hits: 1, misses: 1 })
    expect(stats.counters.inspectionReads).toBe(2)
    expect(figuresByConsumer(stats.counters)).toEqual({
      cli: {
        hits: 1,
        misses: 1,
        requestsAvoided: 0,
        timeSavedMs: 0,
        stale: 0,
        passedThrough: 0,
        bytesServed: 0,
      },
    })
  })

  it('counts nothing for a read made with consumer false until countRead says how it went', () => {
    const cache = openCache()
    cache.setLibraryItems('Movies', movieLibrary(3))
    cache.readSearch('Movies', 'x', { consumer: false })
    cache.readLibrary('Movies', { consumer: false })
    expect(cache.getStats()).toMatchObject({ hits: 0, misses: 0, counters: {} })
    cache.countRead('search', 'Movies', 'hit', 'a tool/with a slash')
    const stats = cache.getStats()
    expect(stats).toMatchObject({ hits: 1, misses: 0, byNamespace: { search: { hits: 1, misses: 0 } } })
    expect(figuresByConsumer(stats.counters)).toEqual({
      'a tool/with a slash': {
        hits: 1,
        misses: 0,
        requestsAvoided: 0,
        timeSavedMs: 0,
        stale: 0,
        passedThrough: 0,
        bytesServed: 0,
      },
    })
  })

  it('counts a read that names no consumer as unnamed, after flushing and reopening too', () => {
    const dataDir = tempDir()
    const first = new PlexCache({ dataDir })
    first.setLibraryItems('Movies', movieLibrary(3))
    first.readLibrary('Movies')
    first.close()
    const reopened = openCache(dataDir)
    expect(figuresByConsumer(reopened.getStats().counters)).toEqual({
      unnamed: {
        hits: 1,
        misses: 0,
        requestsAvoided: 0,
        timeSavedMs: 0,
        stale: 0,
        passedThrough: 0,
        bytesServed: 0,
      },
    })
  })

  it('keeps consumer names short and printable', () => {
    expect(consumerName(undefined)).toBe('unnamed')
    expect(consumerName('  \u0007 ')).toBe('unnamed')
    expect(consumerName(' Plexamp\n')).toBe('Plexamp')
    expect(consumerName('x'.repeat(100))).toHaveLength(64)
  })
})
