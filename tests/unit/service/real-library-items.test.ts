import { describe, expect, it } from 'vitest'
import { PlexCache } from '../../../src/main/cache'
import type { CachedItem } from '../../../src/shared/plex-data'
import { tempDir } from '../../support/temp-dir'
import { fakePlex, openCore } from './support'

/**
 * What real libraries hold (optimized copies, clips, external ids, a Media without a Part, Windows
 * paths), from the fake over loopback through the real client, service and SQLite cache.
 */

async function allItems(service: ReturnType<typeof openCore>['service'], library: string) {
  const page = await service.getLibraryItems({ library, limit: 10_000 })
  return page.items
}

function optimizedMovies(items: CachedItem[]): CachedItem[] {
  return items.filter((item) => item.files.some((file) => file.optimized))
}

describe('real library shapes through the service', () => {
  it('marks optimized copies, keeps the original unmarked, and ignores a Media without a Part', async () => {
    const fake = await fakePlex()
    const { service } = openCore(fake)
    const movies = await allItems(service, '1')
    expect(movies).toHaveLength(120)
    const optimized = optimizedMovies(movies)
    expect(optimized).toHaveLength(12)
    for (const movie of optimized) {
      const original = movie.files.filter((file) => !file.optimized)
      const copies = movie.files.filter((file) => file.optimized)
      expect(original).toHaveLength(1)
      expect(copies).toEqual([
        {
          path: expect.stringContaining('/Plex Versions/Optimized for TV/'),
          size: expect.any(Number),
          optimized: true,
        },
      ])
      expect(original[0]).not.toHaveProperty('optimized')
    }
    // 36 of the 120 have two files (split, two versions, optimized); the rest one each, the six that
    // also list a Media without a Part (ordinals 11, 31, 51…) included: nothing is invented for it.
    expect(movies.filter((movie) => movie.files.length === 1)).toHaveLength(84)
    expect(movies.every((movie) => movie.files.every((file) => file.path.startsWith('/data/Movies/')))).toBe(
      true,
    )
  })

  it('keeps imdb, tmdb and tvdb ids with each item, and counts them in the entry size', async () => {
    const fake = await fakePlex()
    const { service } = openCore(fake)
    const movies = await allItems(service, '1')
    for (const movie of movies) {
      expect(movie.externalIds).toEqual({
        imdb: expect.stringMatching(/^tt\d+$/),
        tmdb: expect.stringMatching(/^\d+$/),
      })
    }
    const episodes = await allItems(service, '2')
    expect(episodes[0]?.externalIds).toEqual({
      imdb: expect.stringMatching(/^tt\d+$/),
      tvdb: expect.stringMatching(/^\d+$/),
    })
    const photos = await allItems(service, '4')
    expect(photos.every((photo) => photo.externalIds === undefined)).toBe(true)
    const listing = fake.controls.requestLog().filter((entry) => entry.path === '/library/sections/1/all')
    const withItems = listing.filter((entry) => entry.query['X-Plex-Container-Size'] !== '0')
    expect(withItems.length).toBeGreaterThan(0)
    expect(withItems.every((entry) => entry.query.includeGuids === '1')).toBe(true)
    // Size accounting: the entry costs exactly the ids' JSON more than the same items without them.
    const entry = (await service.listEntries()).find((row) => row.library === '1')
    const probe = new PlexCache({ dataDir: tempDir() })
    const withoutIds = probe.setLibraryItems(
      'probe',
      movies.map(({ externalIds: _ids, ...rest }) => rest),
    )
    probe.close()
    const idBytes = movies.reduce(
      (sum, movie) => sum + Buffer.byteLength(`,"externalIds":${JSON.stringify(movie.externalIds)}`),
      0,
    )
    expect(entry?.bytes).toBe(withoutIds.bytes + idBytes)
  })

  it('caches the clips of a photo library with its photos, and revalidates it without refetching', async () => {
    const fake = await fakePlex({ dataset: { movies: 0, photos: 6, clips: 3 } })
    const { service } = openCore(fake)
    const items = await allItems(service, '4')
    expect(items.filter((item) => item.type === 'photo')).toHaveLength(6)
    const clips = items.filter((item) => item.type === 'clip')
    expect(clips.map((clip) => clip.title)).toEqual(['VID_0001', 'VID_0002', 'VID_0003'])
    for (const clip of clips) {
      expect(clip.parentTitle).toBeTruthy()
      expect(clip.files).toEqual([
        { path: expect.stringMatching(/\/VID_\d{4}\.mp4$/), size: expect.any(Number) },
      ])
    }
    expect((await service.findByFile({ nameOrPath: 'VID_0002.mp4' })).map((row) => row.item.title)).toEqual([
      'VID_0002',
    ])
    // The stored total is photos plus clips, the sum revalidation's count compares it with.
    fake.controls.clearRequestLog()
    const outcome = await service.refreshLibrary({ library: '4' })
    expect(outcome).toMatchObject({ outcome: 'revalidated', itemCount: 9 })
    const listed = fake.controls.requestLog().filter((entry) => entry.path === '/library/sections/4/all')
    expect(listed.map((entry) => [entry.query.type, entry.query['X-Plex-Container-Size']])).toEqual([
      ['13', '0'],
      ['12', '0'],
    ])
  })

  it("searches a photo library's clips on Plex too, as a search of its cached copy would find them", async () => {
    const fake = await fakePlex({ dataset: { movies: 0, photos: 6, clips: 2 } })
    const { service } = openCore(fake)
    const fromPlex = await service.search({ library: '4', title: 'vid_000' })
    expect(fromPlex.source).toBe('plex')
    expect(fromPlex.results.map((item) => [item.type, item.title])).toEqual([
      ['clip', 'VID_0001'],
      ['clip', 'VID_0002'],
    ])
    await service.refreshLibrary({ library: '4' })
    const fromCache = await service.search({ library: '4', title: 'IMG_0001' })
    expect(fromCache.results.map((item) => item.title)).toEqual(['IMG_0001'])
  })

  it('lists the original before the optimized copy that shares its file name, and says which is which', async () => {
    const fake = await fakePlex()
    const { service } = openCore(fake)
    const movies = await allItems(service, '1')
    // The fake lists some copies' Media first; the lookup must not follow that order.
    const copyFirst = optimizedMovies(movies).filter((movie) => movie.files[0]?.optimized)
    expect(copyFirst.length).toBeGreaterThan(0)
    for (const movie of copyFirst) {
      const original = movie.files.find((file) => !file.optimized)!
      const copy = movie.files.find((file) => file.optimized)!
      const name = original.path.split('/').pop()!
      expect(copy.path.split('/').pop()).toBe(name)
      const rows = await service.findByFile({ nameOrPath: name })
      expect(rows.map((row) => [row.item.ratingKey, row.file.path, row.file.optimized])).toEqual([
        [movie.ratingKey, original.path, undefined],
        [movie.ratingKey, copy.path, true],
      ])
      const byCopyPath = await service.findByFile({ nameOrPath: copy.path })
      expect(byCopyPath).toHaveLength(1)
      expect(byCopyPath[0]).toMatchObject({
        item: { ratingKey: movie.ratingKey },
        file: { path: copy.path, optimized: true },
      })
    }
  })

  it('finds files of a Windows server by backslash path and by name', async () => {
    const fake = await fakePlex({ dataset: { movies: 12, photos: 3, clips: 1, pathStyle: 'windows' } })
    const { service } = openCore(fake)
    const movies = await allItems(service, '1')
    const amelie = movies.find((movie) => movie.title === 'Amélie')!
    const path = amelie.files[0]!.path
    expect(path).toBe('D:\\Movies\\Amélie (2001)\\Amélie (2001).mkv')
    const byPath = await service.findByFile({ nameOrPath: path })
    expect(byPath.map((row) => row.item.ratingKey)).toEqual([amelie.ratingKey])
    const byName = await service.findByFile({ nameOrPath: 'amélie (2001).MKV' })
    expect(byName.map((row) => row.file.path)).toEqual([path])
    expect(await service.findByFile({ nameOrPath: 'D:\\Movies\\Amélie (2001)\\Other.mkv' })).toEqual([])
    const clips = (await allItems(service, '4')).filter((item) => item.type === 'clip')
    expect(clips[0]?.files[0]?.path).toMatch(/^D:\\Photos\\[^\\]+\\VID_0001\.mp4$/)
    expect(await service.findByFile({ nameOrPath: clips[0]!.files[0]!.path })).toHaveLength(1)
  })
})
