import { describe, expect, it } from 'vitest'
import { ServiceError } from '../../../src/main/service'
import { fakePlex, itemPageRequests, openCore, pathsOf } from './support'

describe('CacheService reads: cache-through', () => {
  it('fetches a cold library once, then serves it with zero Plex requests', async () => {
    const fake = await fakePlex()
    const { service } = openCore(fake)
    fake.controls.clearRequestLog()
    const first = await service.getLibraryItems({ library: '1', limit: 10 })
    expect(first.source).toBe('plex')
    expect(first.total).toBe(120)
    expect(first.items).toHaveLength(10)
    expect(pathsOf(fake.controls.requestLog())).toEqual([
      '/identity',
      '/library/sections',
      '/library/sections/1/all',
      '/library/sections/1/all',
      '/library/sections/1/all',
    ])
    fake.controls.clearRequestLog()
    const second = await service.getLibraryItems({ library: '1', limit: 10 })
    expect(second.source).toBe('cache')
    expect(second.items).toEqual(first.items)
    expect(fake.controls.requestLog()).toEqual([])
    const stats = service.stats()
    expect(stats.plexRequests).toBe(5)
    // Ten items from the start: the section list and one page of 50, not the whole library's three.
    expect(stats.plexRequestsAvoided).toBe(2)
    expect(stats.hits).toBe(1)
    expect(stats.bytesServed).toBeGreaterThan(0)
    expect(stats.timeSavedMs).toBeGreaterThanOrEqual(0)
  })

  it('serves pages and filters the same way from Plex and from the cache', async () => {
    const fake = await fakePlex()
    const { service } = openCore(fake)
    const fromPlex = await service.getLibraryItems({ library: 'Movies', offset: 5, limit: 7, filter: 'a' })
    const fromCache = await service.getLibraryItems({ library: 'movies', offset: 5, limit: 7, filter: 'a' })
    expect([fromPlex.source, fromCache.source]).toEqual(['plex', 'cache'])
    expect(fromCache.items).toEqual(fromPlex.items)
    expect(fromCache.total).toBe(fromPlex.total)
    expect(fromCache.offset).toBe(5)
  })

  it('makes exactly one listing pass for 50 concurrent reads of a cold library', async () => {
    const fake = await fakePlex()
    const { service } = openCore(fake)
    fake.controls.clearRequestLog()
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => service.getLibraryItems({ library: '1', offset: i, limit: 5 })),
    )
    expect(results.every((result) => result.total === 120)).toBe(true)
    expect(results[3]?.items[0]).toEqual(results[0]?.items[3])
    const log = fake.controls.requestLog()
    expect(pathsOf(log).filter((path) => path === '/identity')).toHaveLength(1)
    expect(pathsOf(log).filter((path) => path === '/library/sections')).toHaveLength(1)
    expect(itemPageRequests(log).map((entry) => entry.plexHeaders['X-Plex-Container-Start'])).toEqual([
      '0',
      '50',
      '100',
    ])
    expect(log).toHaveLength(5)
    expect(service.stats().coalescedRequests).toBeGreaterThanOrEqual(49)
  })

  it('rejects an unknown library with NOT_FOUND naming the known ones, and bad queries as INVALID_ARGUMENT', async () => {
    const fake = await fakePlex()
    const { service } = openCore(fake)
    const error = await service.getLibraryItems({ library: 'Cartoons' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ServiceError)
    expect((error as ServiceError).info.code).toBe('NOT_FOUND')
    expect((error as ServiceError).message).toMatch(/no library "Cartoons".*Movies/)
    await expect(service.getLibraryItems({ library: '1', limit: 0 })).rejects.toMatchObject({
      info: { code: 'INVALID_ARGUMENT' },
    })
  })
})

describe('CacheService search', () => {
  it('answers a search from a fresh cached library without asking Plex, then from the search cache', async () => {
    const fake = await fakePlex()
    const { service } = openCore(fake)
    const all = await service.getLibraryItems({ library: '1', limit: 200 })
    const word = all.items[0]!.title.split(' ')[0]!.toUpperCase()
    fake.controls.clearRequestLog()
    const local = await service.search({ library: '1', title: word })
    expect(local.source).toBe('cache')
    expect(fake.controls.requestLog()).toEqual([])
    const expected = all.items.filter((item) => item.title.toLowerCase().includes(word.toLowerCase()))
    expect(local.results.map((item) => item.ratingKey).sort()).toEqual(
      expected.map((item) => item.ratingKey).sort(),
    )
    const again = await service.search({ library: 'Movies', title: word.toLowerCase() })
    expect(again.source).toBe('cache')
    expect(fake.controls.requestLog()).toEqual([])
  })

  it('asks Plex when the library is not cached, and agrees with the local answer', async () => {
    const fake = await fakePlex()
    const remote = openCore(fake).service
    const plexAnswer = await remote.search({ library: '1', title: 'the' })
    expect(plexAnswer.source).toBe('plex')
    expect(plexAnswer.results.length).toBeGreaterThan(0)
    expect((await remote.search({ library: '1', title: 'THE' })).source).toBe('cache')
    const local = openCore(fake).service
    await local.getLibraryItems({ library: '1' })
    const localAnswer = await local.search({ library: '1', title: 'the' })
    expect(localAnswer.source).toBe('cache')
    const keys = (results: { ratingKey: string }[]) => results.map((item) => item.ratingKey).sort()
    expect(keys(localAnswer.results)).toEqual(keys(plexAnswer.results))
  })
})

describe('CacheService findByFile', () => {
  it('finds an item by file name or full path in the cached libraries, with the library named', async () => {
    const fake = await fakePlex()
    const { service } = openCore(fake)
    const page = await service.getLibraryItems({ library: '1', limit: 1 })
    const file = page.items[0]!.files[0]!
    const name = file.path.split('/').pop()!
    fake.controls.clearRequestLog()
    const byName = await service.findByFile({ nameOrPath: name.toUpperCase() })
    expect(byName).toHaveLength(1)
    expect(byName[0]).toMatchObject({ library: { key: '1', title: 'Movies' }, file: { path: file.path } })
    expect(byName[0]?.item.ratingKey).toBe(page.items[0]?.ratingKey)
    expect(await service.findByFile({ nameOrPath: file.path })).toHaveLength(1)
    expect(await service.findByFile({ nameOrPath: '/nowhere/else.mkv' })).toEqual([])
    expect(fake.controls.requestLog()).toEqual([])
  })
})
