import { describe, expect, it } from 'vitest'
import { fake, getJson, pagingQuery } from './support'

describe('fake Plex: a 100,000-movie section', () => {
  it('generates quickly and serves deep pages, sorted and filtered', async () => {
    const started = Date.now()
    const server = await fake({ dataset: { movies: 100_000, shows: 0, artists: 0, photos: 0 } })
    // Generous: a loaded CI machine must not fail this; the real figure is a few hundred ms.
    expect(Date.now() - started).toBeLessThan(5_000)
    const deep = await getJson(server, `/library/sections/1/all?${pagingQuery(98_000, 2_000)}`)
    expect(deep).toMatchObject({ size: 2_000, totalSize: 100_000, offset: 98_000 })
    const keys = new Set(deep.Metadata?.map((item) => item.ratingKey))
    expect(keys.size).toBe(2_000)
    const newest = await getJson(server, `/library/sections/1/all?sort=addedAt:desc&${pagingQuery(0, 5)}`)
    const addedAt = newest.Metadata?.map((item) => Number(item.addedAt)) ?? []
    expect(addedAt).toEqual([...addedAt].sort((a, b) => b - a))
    const filtered = await getJson(server, `/library/sections/1/all?title=harbor&${pagingQuery(0, 0)}`)
    expect(Number(filtered.totalSize)).toBeGreaterThan(100)
  })
})
