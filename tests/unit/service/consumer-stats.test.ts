import { describe, expect, it } from 'vitest'
import { libraryCacheKey } from '../../../src/main/service/cache-keys'
import { tempDir } from '../../support/temp-dir'
import { fakePlex, openCore, PAGE_SIZE } from './support'

const CLI = { consumer: 'cli' }

/** A core whose Movies (120 items, pages of 50) is cached, with statistics starting from zero. */
async function cachedMovies(dataDir = tempDir('plex-cache-consumers-')) {
  const fake = await fakePlex()
  const core = openCore(fake, { dataDir })
  await core.service.refreshLibrary({ library: '1' })
  core.service.resetStats()
  const info = core.cache.getLibraryInfo(libraryCacheKey(fake.machineIdentifier, '1'))
  const fullFetchMs = info?.meta?.fetchMs
  if (fullFetchMs === undefined) throw new Error('the fetch of Movies was not measured')
  fake.controls.clearRequestLog()
  return { fake, core, fullFetchMs }
}

describe('statistics by consumer', () => {
  it('counts a CLI read as one cli hit, with the whole fetch it spared as requests and measured time', async () => {
    const { fake, core, fullFetchMs } = await cachedMovies()
    const page = await core.service.getLibraryItems({ library: '1' }, CLI)
    expect(page.source).toBe('cache')
    expect(fake.controls.requestLog()).toEqual([])
    const stats = core.service.stats()
    // All 120 items (the default limit is 200): the section list and three pages of 50.
    const requests = 1 + Math.ceil(120 / PAGE_SIZE)
    expect(stats).toMatchObject({ hits: 1, misses: 0, plexRequestsAvoided: requests, inspectionReads: 0 })
    expect(stats.timeSavedMs).toBe(fullFetchMs)
    expect(stats.byConsumer).toEqual({
      cli: {
        hits: 1,
        misses: 0,
        plexRequestsAvoided: requests,
        timeSavedMs: fullFetchMs,
        stale: 0,
        passedThrough: 0,
        bytesServed: stats.bytesServed,
      },
    })
    expect(stats.bytesServed).toBeGreaterThan(0)
  })

  it('counts requests avoided by the page arithmetic at the configured page size', async () => {
    const { core, fullFetchMs } = await cachedMovies()
    // Items 101-120: twenty items, one page of 50, a third of the library's three pages.
    await core.service.getLibraryItems({ library: '1', offset: 100, limit: 50 }, CLI)
    expect(core.service.stats().byConsumer.cli).toEqual({
      hits: 1,
      misses: 0,
      plexRequestsAvoided: 2,
      timeSavedMs: Math.round(fullFetchMs / 3),
      stale: 0,
      passedThrough: 0,
      bytesServed: core.service.stats().bytesServed,
    })
    // Filtered, it needs every page: Plex cannot filter by file path.
    await core.service.getLibraryItems({ library: '1', limit: 5, filter: 'a' }, CLI)
    expect(core.service.stats().plexRequestsAvoided).toBe(2 + 4)
    // At 100 items a page, all 120 items would have taken two pages.
    core.service.updateSettings({ pageSize: 100 })
    await core.service.getLibraryItems({ library: '1' }, CLI)
    expect(core.service.stats().plexRequestsAvoided).toBe(2 + 4 + 3)
  })

  it('counts a search answered from a cached library as exactly one hit and no miss', async () => {
    const { fake, core } = await cachedMovies()
    const title = (await core.service.getLibraryItems({ library: '1', limit: 1 }, { consumer: 'inspection' }))
      .items[0]!.title
    const answer = await core.service.search({ library: '1', title }, CLI)
    expect(answer.source).toBe('cache')
    expect(answer.results.length).toBeGreaterThan(0)
    expect(fake.controls.requestLog()).toEqual([])
    expect(core.service.stats()).toMatchObject({
      hits: 1,
      misses: 0,
      plexRequestsAvoided: 1,
      // No Plex search of it was ever measured, so no time is claimed.
      timeSavedMs: 0,
      byConsumer: {
        cli: {
          hits: 1,
          misses: 0,
          plexRequestsAvoided: 1,
          timeSavedMs: 0,
          stale: 0,
          passedThrough: 0,
          bytesServed: expect.any(Number),
        },
      },
    })
    // Asked again, the cached search answers: one more hit, still no miss.
    await core.service.search({ library: '1', title }, CLI)
    expect(core.service.stats()).toMatchObject({ hits: 2, misses: 0 })
  })

  it('counts a search Plex had to answer as one miss and no hit', async () => {
    const fake = await fakePlex()
    const { service } = openCore(fake)
    const answer = await service.search({ library: '1', title: 'movie' }, { consumer: 'a script' })
    expect(answer.source).toBe('plex')
    expect(service.stats()).toMatchObject({
      hits: 0,
      misses: 1,
      plexRequestsAvoided: 0,
      byConsumer: {
        'a script': {
          hits: 0,
          misses: 1,
          plexRequestsAvoided: 0,
          timeSavedMs: 0,
          stale: 0,
          passedThrough: 0,
          bytesServed: 0,
        },
      },
    })
  })

  it("names a read that gives no consumer 'unnamed', and keeps inspection apart", async () => {
    const { core } = await cachedMovies()
    await core.service.getLibraryItems({ library: '1', limit: 5 })
    await core.service.getLibraryItems({ library: '1', limit: 5 }, { consumer: 'inspection' })
    await core.service.findByFile({ nameOrPath: 'nothing.mkv' }, { consumer: 'inspection' })
    const stats = core.service.stats()
    expect(stats).toMatchObject({ hits: 1, misses: 0, inspectionReads: 2 })
    expect(Object.keys(stats.byConsumer)).toEqual(['unnamed'])
  })

  it('keeps the figures by consumer across restarts, and erases them with the other statistics', async () => {
    const dataDir = tempDir('plex-cache-consumers-')
    const { fake, core } = await cachedMovies(dataDir)
    await core.service.getLibraryItems({ library: '1' }, CLI)
    await core.service.getLibraryItems({ library: '1' }, { consumer: 'inspection' })
    await core.close()
    const reopened = openCore(fake, { dataDir })
    expect(reopened.service.stats()).toMatchObject({ inspectionReads: 1, byConsumer: { cli: { hits: 1 } } })
    reopened.service.resetStats()
    expect(reopened.service.stats()).toMatchObject({ hits: 0, inspectionReads: 0, byConsumer: {} })
  })
})
