import { describe, expect, it } from 'vitest'
import { ManualClock } from '../../support/manual-clock'
import { countRequests, fakePlex, itemPageRequests, openCore, pathsOf, recordEvents } from './support'

describe('CacheService refresh: change-aware', () => {
  it('revalidates an unchanged library with a section list and a count, and no item requests', async () => {
    const fake = await fakePlex()
    const { service } = openCore(fake)
    await service.getLibraryItems({ library: '1' })
    fake.controls.clearRequestLog()
    const outcome = await service.refreshLibrary({ library: '1' })
    expect(outcome).toMatchObject({ key: '1', title: 'Movies', itemCount: 120, outcome: 'revalidated' })
    const log = fake.controls.requestLog()
    expect(pathsOf(log)).toEqual(['/library/sections', '/library/sections/1/all'])
    expect(countRequests(log)).toHaveLength(1)
    expect(itemPageRequests(log)).toEqual([])
    expect(service.stats().revalidations).toBe(1)
  })

  it('renews the TTL of an expired copy without refetching it', async () => {
    const fake = await fakePlex()
    const clock = new ManualClock()
    const { service } = openCore(fake, { clock: clock.now, settings: { libraryTtlSeconds: 60 } })
    const before = await service.getLibraryItems({ library: '1' })
    clock.advanceSeconds(90)
    fake.controls.clearRequestLog()
    const outcome = await service.refreshLibrary({ library: '1' })
    expect(outcome.outcome).toBe('revalidated')
    const after = await service.getLibraryItems({ library: '1' })
    expect(after.source).toBe('cache')
    expect(after.expiresAt).toBe(clock.now() + 60_000)
    expect(after.fetchedAt).toBe(before.fetchedAt)
    expect(itemPageRequests(fake.controls.requestLog())).toEqual([])
  })

  it('refetches after the server adds an item, and after a rename', async () => {
    const fake = await fakePlex()
    const { service } = openCore(fake)
    await service.getLibraryItems({ library: '1' })
    fake.controls.addItem('1', { title: 'Aardvark Returns', filePath: '/movies/Aardvark Returns.mkv' })
    fake.controls.clearRequestLog()
    const added = await service.refreshLibrary({ library: '1' })
    expect(added).toMatchObject({ outcome: 'fetched', itemCount: 121 })
    expect(itemPageRequests(fake.controls.requestLog())).toHaveLength(3)
    expect(await service.getLibraryItems({ library: '1', limit: 1 })).toMatchObject({
      source: 'cache',
      total: 121,
    })
    const page = await service.getLibraryItems({ library: '1', filter: 'aardvark' })
    expect(page.items.map((item) => item.title)).toEqual(['Aardvark Returns'])
    expect(await service.findByFile({ nameOrPath: 'Aardvark Returns.mkv' })).toHaveLength(1)

    fake.controls.renameItem(page.items[0]!.ratingKey, 'Zebra Returns')
    expect((await service.refreshLibrary({ library: '1' })).outcome).toBe('fetched')
    expect(
      (await service.search({ library: '1', title: 'zebra returns' })).results.map((item) => item.title),
    ).toEqual(['Zebra Returns'])
  })

  it('fetches even an unchanged library when forced, and coalesces concurrent refreshes', async () => {
    const fake = await fakePlex()
    const { service } = openCore(fake)
    await service.getLibraryItems({ library: '1' })
    fake.controls.clearRequestLog()
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () => service.refreshLibrary({ library: '1', force: true })),
    )
    expect(outcomes.map((outcome) => outcome.outcome)).toEqual(Array(5).fill('fetched'))
    expect(itemPageRequests(fake.controls.requestLog())).toHaveLength(3)
  })

  it('reports progress while fetching', async () => {
    const fake = await fakePlex()
    const core = openCore(fake)
    const events = recordEvents(core)
    await core.service.refreshLibrary({ library: '1' })
    const progress = events.filter((event) => event.type === 'progress')
    expect(progress).toEqual([
      { type: 'progress', library: '1', fetched: 50, total: 120 },
      { type: 'progress', library: '1', fetched: 100, total: 120 },
      { type: 'progress', library: '1', fetched: 120, total: 120 },
    ])
    expect(events).toContainEqual({ type: 'changed', library: '1' })
  })
})

describe('CacheService.refreshAll', () => {
  it('refreshes every library one at a time, then revalidates them all without item requests', async () => {
    const fake = await fakePlex()
    const { service } = openCore(fake)
    fake.controls.clearRequestLog()
    const first = await service.refreshAll()
    expect(first.map((outcome) => [outcome.key, outcome.outcome])).toEqual([
      ['1', 'fetched'],
      ['2', 'fetched'],
      ['3', 'fetched'],
      ['4', 'fetched'],
    ])
    // One at a time: each library's requests all come before the next library's.
    const order = fake.controls
      .requestLog()
      .map((entry) => /\/library\/sections\/(\d+)\//.exec(entry.path)?.[1])
      .filter((key): key is string => key !== undefined)
    expect(order).toEqual([...order].sort())
    fake.controls.clearRequestLog()
    const second = await service.refreshAll()
    expect(second.every((outcome) => outcome.outcome === 'revalidated')).toBe(true)
    const log = fake.controls.requestLog()
    expect(pathsOf(log).filter((path) => path === '/library/sections')).toHaveLength(1)
    // One count per library, two for Photos: its photos and its clips are counted apart.
    expect(countRequests(log)).toHaveLength(5)
    expect(itemPageRequests(log)).toEqual([])
    expect(service.stats().revalidations).toBe(4)
  })

  it('reports every library as failed while Plex is down, trying only the first', async () => {
    const fake = await fakePlex()
    const { service } = openCore(fake)
    await service.refreshAll()
    fake.controls.setMaintenance(true)
    fake.controls.clearRequestLog()
    const outcomes = await service.refreshAll({ force: true })
    expect(outcomes.map((outcome) => outcome.outcome)).toEqual(Array(4).fill('failed'))
    expect(outcomes.every((outcome) => outcome.error?.code === 'UNREACHABLE')).toBe(true)
    expect(outcomes[0]?.itemCount).toBe(120)
    expect(itemPageRequests(fake.controls.requestLog()).length).toBeLessThanOrEqual(2)
  })
})
