import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PlexCache, type CachedItem } from '../../../src/main/cache'
import { movieFileName, movieLibrary } from '../../support/library-items'
import { tempDir } from '../../support/temp-dir'
import { naturalSortKey } from '../../../src/shared/text-fold'

const LIBRARY_SIZE = 10_000
let cache: PlexCache
let items: CachedItem[]
let inTitleOrder: CachedItem[]

/** The cache's natural title order (numbers by value, case and accents ignored). */
function titleOrder(a: CachedItem, b: CachedItem): number {
  const [x, y] = [naturalSortKey(a.title), naturalSortKey(b.title)]
  return x < y ? -1 : x > y ? 1 : a.ratingKey < b.ratingKey ? -1 : 1
}

beforeAll(() => {
  cache = new PlexCache({ dataDir: tempDir('plex-cache-lookups-') })
  items = movieLibrary(LIBRARY_SIZE)
  inTitleOrder = [...items].sort(titleOrder)
  cache.setLibraryItems('Movies', items, { title: 'Movies', type: 'movie', totalSize: LIBRARY_SIZE })
  cache.setLibraryItems('Kids', movieLibrary(50, { seed: 5 }))
})
afterAll(() => cache.close())

describe('PlexCache: pages of a 10,000-item library', () => {
  it('returns pages in title order with the total, across chunk boundaries', () => {
    for (const offset of [0, 31, 32, 4_999, 9_900]) {
      const page = cache.getLibraryPage('Movies', { offset, limit: 200 })
      expect(page?.total).toBe(LIBRARY_SIZE)
      expect(page?.items.map((item) => item.ratingKey)).toEqual(
        inTitleOrder.slice(offset, offset + 200).map((item) => item.ratingKey),
      )
    }
  })

  it('returns a short or empty page past the end', () => {
    expect(cache.getLibraryPage('Movies', { offset: 9_990, limit: 200 })?.items).toHaveLength(10)
    expect(cache.getLibraryPage('Movies', { offset: 20_000, limit: 200 })).toEqual({
      items: [],
      total: LIBRARY_SIZE,
      offset: 20_000,
      limit: 200,
    })
  })

  it('filters by title or path, case-insensitively, and pages through the matches', () => {
    const expected = inTitleOrder.filter(
      (item) =>
        item.title.toLowerCase().includes('lost garden') ||
        item.files.some((file) => file.path.toLowerCase().includes('lost garden')),
    )
    expect(expected.length).toBeGreaterThan(100)
    const first = cache.getLibraryPage('Movies', { filter: 'LOST Garden', limit: 50 })
    const second = cache.getLibraryPage('Movies', { filter: 'lost garden', offset: 50, limit: 50 })
    expect(first?.total).toBe(expected.length)
    expect([...(first?.items ?? []), ...(second?.items ?? [])].map((item) => item.ratingKey)).toEqual(
      expected.slice(0, 100).map((item) => item.ratingKey),
    )
  })

  it('matches non-ASCII titles whatever their Unicode composition', () => {
    const page = cache.getLibraryPage('Movies', { filter: 'AME\u0301LIE' })
    expect(page?.total).toBe(items.filter((item) => item.title.startsWith('Amélie')).length)
    expect(page?.items.every((item) => item.title.startsWith('Amélie'))).toBe(true)
    expect(cache.getLibraryPage('Movies', { filter: 'no such title anywhere' })?.total).toBe(0)
  })

  it('rejects bad paging arguments with a clear error', () => {
    expect(() => cache.getLibraryPage('Movies', { offset: -1 })).toThrow(/offset/)
    expect(() => cache.getLibraryPage('Movies', { limit: 0 })).toThrow(/limit/)
    expect(() => cache.getLibraryPage('Movies', { limit: 1.5 })).toThrow(/limit/)
    expect(() => cache.getLibraryPage('Movies', { offset: Number.NaN })).toThrow(/offset/)
  })
})

describe('PlexCache: file lookups', () => {
  it('finds an item by file name, case-insensitively, with the file that matched', () => {
    for (const i of [0, 1_234, 9_999]) {
      const item = items[i]!
      const name = movieFileName(i, item.title, item.year!)
      const matches = cache.findByFileName(name.toUpperCase())
      expect(matches).toHaveLength(1)
      expect(matches[0]).toMatchObject({
        library: 'Movies',
        item: { ratingKey: item.ratingKey },
        file: item.files[0],
      })
    }
  })

  it('finds second parts of multi-part items and items in every library that holds the name', () => {
    const multiPart = items[3]!
    expect(multiPart.files).toHaveLength(2)
    const part2 = multiPart.files[1]!.path.split('/').pop()!
    expect(cache.findByFileName(part2).map((match) => match.item.ratingKey)).toEqual([multiPart.ratingKey])

    // Item 7 has the same non-ASCII title, year and file name whatever the seed, so both libraries hold it.
    const sharedName = items[7]!.files[0]!.path.split('/').pop()!
    expect(movieLibrary(50, { seed: 5 })[7]!.files[0]!.path.endsWith(sharedName)).toBe(true)
    expect(cache.findByFileName(sharedName).map((match) => match.library)).toEqual(['Kids', 'Movies'])
  })

  it('finds by full path only when the whole path matches', () => {
    const item = items[4_321]!
    const path = item.files[0]!.path
    expect(cache.findByPath(path.toLowerCase()).map((match) => match.item.ratingKey)).toEqual([
      item.ratingKey,
    ])
    expect(cache.findByPath(path.replace('/data/media', '/elsewhere'))).toEqual([])
    expect(cache.findByFileName('not-a-file.mkv')).toEqual([])
  })

  it('does not find files in expired libraries', () => {
    let now = Date.now()
    const short = new PlexCache({ dataDir: tempDir(), clock: () => now, libraryTtlSeconds: 10 })
    try {
      const library = movieLibrary(5)
      short.setLibraryItems('Movies', library)
      const name = library[2]!.files[0]!.path.split('/').pop()!
      expect(short.findByFileName(name)).toHaveLength(1)
      now += 10_000
      expect(short.findByFileName(name)).toEqual([])
    } finally {
      short.close()
    }
  })
})

describe('PlexCache: listEntries', () => {
  it('lists every live entry with counts, bytes, times and meta', () => {
    cache.setSearchResults('Movies', 'Silent River', items.slice(0, 3))
    const entries = cache.listEntries()
    expect(entries.map((entry) => [entry.namespace, entry.library, entry.query, entry.itemCount])).toEqual([
      ['library', 'Kids', undefined, 50],
      ['library', 'Movies', undefined, LIBRARY_SIZE],
      ['search', 'Movies', 'silent river', 3],
    ])
    const movies = entries[1]!
    expect(movies.meta).toEqual({ title: 'Movies', type: 'movie', totalSize: LIBRARY_SIZE })
    expect(movies.bytes).toBeGreaterThan(JSON.stringify(items).length / 2)
    expect(movies.expiresAt - movies.createdAt).toBe(3_600_000)
  })
})
