import { describe, expect, it } from 'vitest'
import { clientFor, fakePlex } from './fake-server'

describe('PlexClient against the fake: clips, ids and hubs as real servers send them', () => {
  it("lists a photo section's photos and then its clips, with one progress and a count of both", async () => {
    const fake = await fakePlex({ dataset: { photos: 30, clips: 7 }, maxPageSize: 10 })
    const progress: Array<{ fetched: number; total: number }> = []
    const items = await clientFor(fake).items('4', { pageSize: 10, onProgress: (p) => progress.push(p) })
    expect(items.filter((item) => item.type === 'photo')).toHaveLength(30)
    expect(items.slice(30).map((item) => [item.type, item.title])).toEqual(
      Array.from({ length: 7 }, (_, index) => ['clip', `VID_000${index + 1}`]),
    )
    expect(progress).toEqual([
      { fetched: 10, total: 30 },
      { fetched: 20, total: 30 },
      { fetched: 30, total: 30 },
      { fetched: 37, total: 37 },
    ])
    expect(await clientFor(fake).count('4')).toBe(37)
    const listings = fake.controls.requestLog().filter((entry) => entry.path === '/library/sections/4/all')
    expect(new Set(listings.map((entry) => entry.query.type))).toEqual(new Set(['13', '12']))
  })

  it('asks for a given type alone, and for one listing in other sections', async () => {
    const fake = await fakePlex({ dataset: { movies: 5, photos: 6, clips: 2 } })
    const client = clientFor(fake)
    expect((await client.items('4', { type: 13 })).every((item) => item.type === 'photo')).toBe(true)
    expect(await client.count('4', { type: 12 })).toBe(2)
    fake.controls.clearRequestLog()
    expect(await client.items('1')).toHaveLength(5)
    const listings = fake.controls.requestLog().filter((entry) => entry.path.endsWith('/all'))
    expect(listings.map((entry) => entry.query.type)).toEqual(['1'])
  })

  it('asks listings and searches with includeGuids=1 and keeps the ids; counts go without', async () => {
    const fake = await fakePlex({ dataset: { movies: 3 } })
    const client = clientFor(fake)
    const [movie] = await client.items('1')
    expect(movie?.externalIds).toEqual({ imdb: expect.stringMatching(/^tt\d+$/), tmdb: expect.any(String) })
    const [found] = await client.search('1', 'amél')
    expect(found?.externalIds).toEqual(movie?.externalIds)
    await client.count('1')
    const log = fake.controls.requestLog().filter((entry) => entry.path === '/library/sections/1/all')
    expect(log.map((entry) => entry.query.includeGuids)).toEqual(['1', '1', undefined])
  })
})
