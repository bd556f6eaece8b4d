import { describe, expect, it } from 'vitest'
import { fakePlex, openCore } from './support'

describe('CacheService entries, for the inspector', () => {
  it('lists the listings and searches of the current server only, and deletes one search', async () => {
    const fake = await fakePlex()
    const other = await fakePlex({ dataset: { seed: 9, movies: 3 }, machineIdentifier: 'b'.repeat(40) })
    const first = openCore(fake)
    const dataDir = first.cache.file.replace(/\/cache\/plex-cache\.sqlite$/, '')
    await first.service.getLibraryItems({ library: 'Movies', limit: 1 })
    await first.service.search({ library: 'Movies', title: 'Amélie' })
    await first.service.search({ library: 'TV Shows', title: 'nothing like this at all' })
    await first.close()

    // The same file seen while connected to another server shows none of the first server's entries.
    const second = openCore(other, { dataDir })
    await second.service.getLibraryItems({ library: '1', limit: 1 })
    expect((await second.service.listEntries()).map((entry) => [entry.kind, entry.itemCount])).toEqual([
      ['library', 3],
    ])
    await second.close()

    const third = openCore(fake, { dataDir })
    await third.service.listLibraries()
    const entries = await third.service.listEntries()
    expect(entries.map((entry) => [entry.kind, entry.library, entry.libraryTitle, entry.query])).toEqual([
      ['library', '1', 'Movies', undefined],
      ['search', '1', 'Movies', 'amélie'],
      ['search', '2', 'TV Shows', 'nothing like this at all'],
    ])
    expect(entries[0]?.itemCount).toBe(120)
    expect(entries.every((entry) => entry.expiresAt > entry.createdAt)).toBe(true)
    expect(entries[0]?.bytes).toBeGreaterThan(0)

    expect(await third.service.deleteSearch({ library: 'movies', title: 'AMÉLIE' })).toEqual({
      removed: true,
    })
    expect(await third.service.deleteSearch({ library: 'movies', title: 'AMÉLIE' })).toEqual({
      removed: false,
    })
    expect((await third.service.listEntries()).map((entry) => entry.query ?? entry.kind)).toEqual([
      'library',
      'nothing like this at all',
    ])
  })
})
