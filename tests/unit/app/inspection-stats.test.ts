import { describe, expect, it } from 'vitest'
import { fakePlex } from '../../support/fake-plex'
import { openController } from './support'

const DATASET = { movies: 120, shows: 0, seasonsPerShow: 1, episodesPerSeason: 1, artists: 0, photos: 0 }

describe('statistics while the window inspects the cache', () => {
  it('counts Inspector browsing as inspection reads, never as hits, requests avoided or time saved', async () => {
    const fake = await fakePlex({ dataset: DATASET })
    const { controller } = await openController()
    await controller.run('setSettings', { serverUrl: fake.url, token: fake.token, pageSize: 50 })
    await controller.run('refreshLibrary', { library: '1' })
    const before = await controller.run('stats', undefined)

    // What the Inspector does: pages, a filter, a find, and (over the contract) a search.
    await controller.run('getLibraryItems', { library: '1', offset: 0, limit: 200 })
    await controller.run('getLibraryItems', { library: '1', offset: 0, limit: 200, filter: 'movie' })
    await controller.run('getLibraryItems', { library: '1', offset: 50, limit: 20 })
    await controller.run('findByFile', { nameOrPath: 'no-such-file.mkv' })
    const after = await controller.run('stats', undefined)

    expect(after.hits).toBe(before.hits)
    expect(after.misses).toBe(before.misses)
    expect(after.plexRequestsAvoided).toBe(before.plexRequestsAvoided)
    expect(after.timeSavedMs).toBe(before.timeSavedMs)
    expect(after.inspectionReads).toBe(before.inspectionReads + 4)
    expect(after.byConsumer.inspection).toBeUndefined()
  })

  it('counts a revalidation nobody read through as a revalidation, not as requests avoided', async () => {
    const fake = await fakePlex({ dataset: DATASET })
    const { controller } = await openController()
    await controller.run('setSettings', { serverUrl: fake.url, token: fake.token, pageSize: 50 })
    await controller.run('refreshLibrary', { library: '1' })
    const before = await controller.run('stats', undefined)

    // The window's Refresh (or keep-warm) renews an unchanged library: no consumer asked for it.
    const again = await controller.run('refreshLibrary', { library: '1' })
    const after = await controller.run('stats', undefined)

    expect(again.outcome).toBe('revalidated')
    expect(after.revalidations).toBe(before.revalidations + 1)
    expect(after.plexRequestsAvoided).toBe(before.plexRequestsAvoided)
    expect(after.hits).toBe(before.hits)
  })
})
