import { describe, expect, it } from 'vitest'
import { fakePlex, openCore } from './support'

// The fake's movie library starts with fixed titles: "Amélie", "Léon", "Øresund", "The Matrix"...

describe('CacheService: filters, searches and find by file ignore accents as well as case', () => {
  it('filters a page the same way whether it came from Plex or from the cache', async () => {
    const fake = await fakePlex()
    const { service } = openCore(fake)
    // The first read is served from the listing just fetched (memory), the second from SQLite.
    const fromPlex = await service.getLibraryItems({ library: '1', filter: 'amelie' })
    const fromCache = await service.getLibraryItems({ library: '1', filter: 'AMELIE' })
    expect(fromPlex.source).toBe('plex')
    expect(fromCache.source).toBe('cache')
    expect(fromPlex.items.map((item) => item.title)).toEqual(['Amélie'])
    expect(fromCache.items.map((item) => item.title)).toEqual(['Amélie'])
  })

  it('orders a listing by sort title: "The Matrix" among the Ms, and the same from Plex and the cache', async () => {
    const fake = await fakePlex()
    const { service } = openCore(fake)
    const fromPlex = await service.getLibraryItems({ library: '1', limit: 500 })
    const fromCache = await service.getLibraryItems({ library: '1', limit: 500 })
    expect(fromCache.items.map((item) => item.ratingKey)).toEqual(
      fromPlex.items.map((item) => item.ratingKey),
    )
    const matrix = fromCache.items.find((item) => item.title === 'The Matrix')
    expect(matrix?.titleSort).toBe('Matrix')
    const titles = fromCache.items.map((item) => item.titleSort ?? item.title)
    const index = titles.indexOf('Matrix')
    expect(titles[index - 1]!.localeCompare('Matrix', 'en', { sensitivity: 'base' })).toBeLessThanOrEqual(0)
    expect(titles[index + 1]!.localeCompare('Matrix', 'en', { sensitivity: 'base' })).toBeGreaterThanOrEqual(
      0,
    )
  })

  it('answers "amelie" with "Amélie" from Plex, from a cached listing, and from the search cache', async () => {
    const fake = await fakePlex()
    const remote = openCore(fake).service
    const plexAnswer = await remote.search({ library: '1', title: 'amelie' })
    expect(plexAnswer.source).toBe('plex')
    expect(plexAnswer.results.map((item) => item.title)).toEqual(['Amélie'])

    const local = openCore(fake).service
    await local.getLibraryItems({ library: '1' })
    fake.controls.clearRequestLog()
    const localAnswer = await local.search({ library: '1', title: 'amelie' })
    expect(localAnswer.source).toBe('cache')
    expect(localAnswer.results.map((item) => item.title)).toEqual(['Amélie'])
    expect(fake.controls.requestLog()).toEqual([])
  })

  it('finds a file by a name typed without accents', async () => {
    const fake = await fakePlex()
    const { service } = openCore(fake)
    const page = await service.getLibraryItems({ library: '1', filter: 'léon' })
    const path = page.items[0]!.files[0]!.path
    const unaccented = path.normalize('NFD').replace(/\p{M}/gu, '')
    expect(unaccented).not.toBe(path)
    const byName = await service.findByFile({ nameOrPath: unaccented.split('/').pop()!.toLowerCase() })
    expect(byName.map((match) => match.file.path)).toContain(path)
    const byPath = await service.findByFile({ nameOrPath: unaccented })
    expect(byPath.map((match) => match.item.title)).toEqual(['Léon'])
  })
})
