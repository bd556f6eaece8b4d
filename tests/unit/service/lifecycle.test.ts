import { describe, expect, it } from 'vitest'
import type { ServiceEvent } from '../../../src/main/service'
import { ManualClock } from '../../support/manual-clock'
import { countRequests, fakePlex, itemPageRequests, openCore, pathsOf, recordEvents } from './support'

async function waitFor(condition: () => boolean, timeoutMs = 3_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for a condition')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

const FAST_UPKEEP = { sweepIntervalMs: 20, statsIntervalMs: 20, keepWarmIntervalMs: 20 }

describe('CacheService events', () => {
  it('emits changed, stats and connection events', async () => {
    const fake = await fakePlex()
    const core = openCore(fake, { upkeep: FAST_UPKEEP })
    const events = recordEvents(core)
    await core.service.getLibraryItems({ library: '1' })
    await waitFor(() => events.some((event) => event.type === 'stats'))
    expect(events).toContainEqual({ type: 'changed', library: '1' })

    fake.controls.setMaintenance(true)
    await core.service.refreshLibrary({ library: '1', force: true })
    const offline = events.find((event) => event.type === 'connection' && event.status.state === 'offline')
    expect(offline).toMatchObject({ status: { state: 'offline', lastError: { code: 'UNREACHABLE' } } })
    fake.controls.reset()
    await core.service.refreshLibrary({ library: '1' })
    expect(events.filter((event) => event.type === 'connection').at(-1)).toMatchObject({
      status: { state: 'online', server: { machineIdentifier: fake.machineIdentifier } },
    })

    core.service.clear()
    expect(events.at(-1)).toEqual({ type: 'changed' })
  })

  it('shows a library as refreshing, with progress, while it is fetched', async () => {
    const fake = await fakePlex()
    const core = openCore(fake)
    await core.service.listLibraries()
    fake.controls.setLatency(50)
    const refreshing = core.service.refreshLibrary({ library: '1' })
    await new Promise((resolve) => setTimeout(resolve, 80))
    const row = (await core.service.listLibraries()).find((candidate) => candidate.key === '1')
    expect(row?.state).toBe('refreshing')
    await refreshing
    expect((await core.service.listLibraries()).find((candidate) => candidate.key === '1')).toMatchObject({
      state: 'fresh',
      cached: true,
      itemCount: 120,
    })
  })

  it('stops calling a listener once unsubscribed', async () => {
    const fake = await fakePlex()
    const core = openCore(fake)
    const seen: ServiceEvent[] = []
    const unsubscribe = core.service.on((event) => seen.push(event))
    unsubscribe()
    await core.service.getLibraryItems({ library: '4' })
    expect(seen).toEqual([])
  })
})

describe('CacheService settings and statistics', () => {
  it('applies new TTLs and size limits live, and rejects bad ones', async () => {
    const fake = await fakePlex()
    const clock = new ManualClock()
    const { service, cache } = openCore(fake, { clock: clock.now })
    service.updateSettings({ libraryTtlSeconds: 10, sizeLimitBytes: 50_000_000 })
    expect(cache.currentLimits).toMatchObject({ libraryTtlSeconds: 10, sizeLimitBytes: 50_000_000 })
    expect((await service.getLibraryItems({ library: '1' })).expiresAt).toBe(clock.now() + 10_000)
    expect(() => service.updateSettings({ libraryTtlSeconds: -1 })).toThrow(
      expect.objectContaining({ info: expect.objectContaining({ code: 'INVALID_ARGUMENT' }) }),
    )
    expect(() => service.updateSettings({ pageSize: 0 })).toThrow(/pageSize/)
    expect(service.settings.libraryTtlSeconds).toBe(10)
  })

  it('keeps hit history per range and can reset statistics', async () => {
    const fake = await fakePlex()
    const clock = new ManualClock()
    const { service } = openCore(fake, { clock: clock.now })
    await service.getLibraryItems({ library: '1' })
    await service.getLibraryItems({ library: '1' })
    const hour = service.statsHistory({ range: 'hour' })
    expect(hour.length).toBeGreaterThanOrEqual(60)
    expect(hour.at(-1)).toMatchObject({ hits: 1, misses: 1 })
    expect(service.statsHistory({ range: 'day' }).length).toBeGreaterThanOrEqual(96)
    expect(service.statsHistory({ range: 'week' }).length).toBeGreaterThanOrEqual(84)
    expect(() => service.statsHistory({ range: 'year' as 'hour' })).toThrow(/range/)
    service.resetStats()
    expect(service.stats()).toMatchObject({ hits: 0, misses: 0, plexRequests: 0 })
  })
})

describe('CacheService upkeep', () => {
  it('keeps a library warm shortly before it expires, by revalidation', async () => {
    const fake = await fakePlex()
    const clock = new ManualClock()
    const core = openCore(fake, {
      clock: clock.now,
      settings: { libraryTtlSeconds: 100, keepWarm: true },
      upkeep: { ...FAST_UPKEEP, keepWarmLeadSeconds: 10 },
    })
    await core.service.getLibraryItems({ library: '1' })
    const key = `${fake.machineIdentifier}:1`
    fake.controls.clearRequestLog()
    clock.advanceSeconds(50)
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(fake.controls.requestLog()).toEqual([])
    clock.advanceSeconds(45)
    await waitFor(() => core.cache.getLibraryInfo(key)!.expiresAt > clock.now() + 50_000)
    expect(countRequests(fake.controls.requestLog())).toHaveLength(1)
    expect(itemPageRequests(fake.controls.requestLog())).toEqual([])
  })

  it('pauses keep-warm while Plex is unreachable, probing /identity until it is back', async () => {
    const fake = await fakePlex()
    const clock = new ManualClock()
    const core = openCore(fake, {
      clock: clock.now,
      settings: { libraryTtlSeconds: 100, keepWarm: true },
      upkeep: { ...FAST_UPKEEP, keepWarmLeadSeconds: 10 },
    })
    await core.service.getLibraryItems({ library: '1' })
    fake.controls.setDropConnections(true)
    await core.service.refreshLibrary({ library: '1', force: true })
    expect(core.service.connectionStatus().state).toBe('offline')
    clock.advanceSeconds(95)
    fake.controls.clearRequestLog()
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(new Set(pathsOf(fake.controls.requestLog()))).toEqual(new Set(['/identity']))
    fake.controls.reset()
    // Probes back off on the service's clock (at most five minutes apart), so time has to pass.
    clock.advanceSeconds(300)
    await waitFor(() => core.service.connectionStatus().state === 'online')
  })

  it('stops its timers on close and cancels a fetch under way', async () => {
    const fake = await fakePlex()
    const core = openCore(fake, { upkeep: FAST_UPKEEP })
    expect(core.service.upkeepRunning).toBe(true)
    await core.service.listLibraries()
    fake.controls.setLatency(2_000)
    const reading = core.service.getLibraryItems({ library: '1' }).catch((error: unknown) => error)
    await new Promise((resolve) => setTimeout(resolve, 50))
    const started = Date.now()
    await core.close()
    expect(Date.now() - started).toBeLessThan(1_500)
    expect(core.service.upkeepRunning).toBe(false)
    expect(await reading).toMatchObject({ info: { code: 'INTERNAL' } })
    await expect(core.service.getLibraryItems({ library: '1' })).rejects.toMatchObject({
      info: { code: 'INTERNAL' },
    })
  })
})
