import { describe, expect, it } from 'vitest'
import type { Core } from '../../../src/main/core'
import type { RefreshRun, ServiceEvent } from '../../../src/main/service'
import { fakePlex, itemPageRequests, openCore, recordEvents } from './support'

/** Resolves at the first event the test is waiting for, so Cancel lands in the middle of a fetch. */
function nextEvent(core: Core, matches: (event: ServiceEvent) => boolean): Promise<ServiceEvent> {
  return new Promise((resolve) => {
    const unsubscribe = core.service.on((event) => {
      if (!matches(event)) return
      unsubscribe()
      resolve(event)
    })
  })
}

function runs(events: readonly ServiceEvent[]): RefreshRun[] {
  return events.flatMap((event) => (event.type === 'refreshRun' ? [event.run] : []))
}

describe('CacheService.cancelRefresh', () => {
  it('stops a slow "Refresh all" mid-listing, keeps every cached copy, and stores nothing partial', async () => {
    const fake = await fakePlex()
    const core = openCore(fake)
    const { service } = core
    await service.refreshAll()
    const before = await service.getLibraryItems({ library: '1', limit: 1 })
    const shows = await service.getLibraryItems({ library: '2', limit: 1 })

    // The server changed, and every request is slow: refetching Movies takes three slow pages.
    fake.controls.addItem('1', { title: 'Aardvark Returns', filePath: '/movies/Aardvark Returns.mkv' })
    fake.controls.setLatency(300)
    const events = recordEvents(core)
    const firstPage = nextEvent(core, (event) => event.type === 'progress' && event.library === '1')
    const running = service.refreshAll({ force: true })
    await firstPage
    fake.controls.clearRequestLog()
    expect(service.cancelRefresh()).toEqual({ cancelled: true })
    const outcomes = await running
    fake.controls.setLatency(0)

    expect(outcomes.map((outcome) => [outcome.key, outcome.outcome])).toEqual([
      ['1', 'cancelled'],
      ['2', 'cancelled'],
      ['3', 'cancelled'],
      ['4', 'cancelled'],
    ])
    expect(outcomes[0]).toMatchObject({ itemCount: 120, error: { code: 'CANCELLED' } })
    expect(outcomes[0]?.error?.message).toContain('cached copy was kept')
    // The libraries after the cancelled one were never asked for.
    const asked = fake.controls.requestLog().map((entry) => entry.path)
    expect(asked.filter((path) => /sections\/[234]\//.test(path))).toEqual([])

    // The cached copies are exactly the ones from before: same count, same fetch time, no new item.
    const after = await service.getLibraryItems({ library: '1', filter: 'aardvark' })
    expect(after).toMatchObject({ source: 'cache', total: 0, fetchedAt: before.fetchedAt })
    expect(await service.getLibraryItems({ library: '1', limit: 1 })).toMatchObject({ total: 120 })
    expect(await service.getLibraryItems({ library: '2', limit: 1 })).toMatchObject({
      fetchedAt: shows.fetchedAt,
    })
    // A cancel is the user's choice, not Plex failing: the server still counts as online.
    expect(service.connectionStatus().state).toBe('online')

    // Every front end was told the run's progress: Movies running while the rest waited, then all cancelled.
    const told = runs(events)
    expect(told[0]?.libraries.map((library) => library.status)).toEqual(Array(4).fill('waiting'))
    expect(
      told.some(
        (run) => run.libraries.map((library) => library.status).join() === 'running,waiting,waiting,waiting',
      ),
    ).toBe(true)
    const last = told.at(-1)!
    expect(last).toMatchObject({ finished: true, cancelled: true })
    expect(last.libraries.map((library) => library.status)).toEqual(Array(4).fill('cancelled'))
  })

  it('leaves a never-cached library uncached when its first fetch is cancelled', async () => {
    const fake = await fakePlex()
    const core = openCore(fake)
    const { service } = core
    fake.controls.setLatency(300)
    const firstPage = nextEvent(core, (event) => event.type === 'progress' && event.library === '1')
    const refreshing = service.refreshLibrary({ library: '1' })
    await firstPage
    expect(service.cancelRefresh()).toEqual({ cancelled: true })
    expect(await refreshing).toMatchObject({ outcome: 'cancelled', itemCount: 0 })
    fake.controls.setLatency(0)
    const rows = await service.listLibraries()
    expect(rows.find((row) => row.key === '1')).toMatchObject({
      state: 'missing',
      cached: false,
      itemCount: null,
    })
    expect(service.stats().entries).toBe(0)
    // The next refresh fetches it whole, as if nothing had happened.
    fake.controls.clearRequestLog()
    expect(await service.refreshLibrary({ library: '1' })).toMatchObject({
      outcome: 'fetched',
      itemCount: 120,
    })
    expect(itemPageRequests(fake.controls.requestLog())).toHaveLength(3)
  })

  it('says when there was nothing to stop, and a second "Refresh all" joins the one under way', async () => {
    const fake = await fakePlex()
    const core = openCore(fake)
    const { service } = core
    expect(service.cancelRefresh()).toEqual({ cancelled: false })
    const events = recordEvents(core)
    const [first, second] = await Promise.all([service.refreshAll(), service.refreshAll()])
    expect(second).toBe(first)
    expect(new Set(runs(events).map((run) => run.id)).size).toBe(1)
    expect(runs(events).at(-1)).toMatchObject({ finished: true, cancelled: false })
    expect(
      runs(events)
        .at(-1)
        ?.libraries.map((library) => library.status),
    ).toEqual(Array(4).fill('fetched'))
    expect(service.cancelRefresh()).toEqual({ cancelled: false })
  })
})
