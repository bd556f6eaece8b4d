import { describe, expect, it } from 'vitest'
import { ManualClock } from '../../support/manual-clock'
import { fakePlex, itemPageRequests, openCore, recordEvents } from './support'

const TTL = { libraryTtlSeconds: 60, searchTtlSeconds: 60 }

describe('CacheService fail-over between the signed-in server’s connections', () => {
  it('keeps reading through another address of the same server when the chosen one stops', async () => {
    // One server reached two ways (home network, and remote): same machine, same data, same token.
    const home = await fakePlex()
    const away = await fakePlex()
    expect(away.machineIdentifier).toBe(home.machineIdentifier)
    const clock = new ManualClock()
    const core = openCore(home, {
      clock: clock.now,
      settings: {
        ...TTL,
        serverConnections: { machineIdentifier: home.machineIdentifier, urls: [home.url, away.url] },
      },
      failoverProbeTimeoutMs: 1000,
    })
    const { service } = core
    const events = recordEvents(core)
    const original = await service.getLibraryItems({ library: '1', limit: 5 })
    expect(original.source).toBe('plex')

    clock.advanceSeconds(120)
    await home.close()
    away.controls.clearRequestLog()
    const read = await service.getLibraryItems({ library: '1', limit: 5, filter: '' })
    expect(read.source).not.toBe('stale')
    expect(read.items).toEqual(original.items)
    expect(service.connectionStatus().state).toBe('online')
    expect(events.some((event) => event.type === 'connection' && event.status.state === 'offline')).toBe(
      false,
    )
    // Asked who it is first (no token), then used.
    const log = away.controls.requestLog()
    expect(log[0]).toMatchObject({ path: '/identity' })
    expect(log[0]!.plexHeaders['X-Plex-Token']).toBeUndefined()
    expect(log.length).toBeGreaterThan(1)

    // A forced refresh goes to the address that answered, not back to the dead one.
    away.controls.clearRequestLog()
    await service.refreshLibrary({ library: '1', force: true })
    expect(itemPageRequests(away.controls.requestLog()).length).toBeGreaterThan(0)

    // Every address down: offline, and the cached copy is served stale as before.
    clock.advanceSeconds(120)
    await away.close()
    const stale = await service.getLibraryItems({ library: '1', limit: 5 })
    expect(stale).toMatchObject({ source: 'stale', error: { code: 'UNREACHABLE' } })
    expect(stale.items).toEqual(original.items)
    expect(service.connectionStatus()).toMatchObject({ state: 'offline', lastError: { code: 'UNREACHABLE' } })
  })

  it('never sends the token to an address where another server answers', async () => {
    const home = await fakePlex()
    const stranger = await fakePlex({ machineIdentifier: 'e'.repeat(40) })
    const clock = new ManualClock()
    const { service } = openCore(home, {
      clock: clock.now,
      settings: {
        ...TTL,
        serverConnections: { machineIdentifier: home.machineIdentifier, urls: [home.url, stranger.url] },
      },
    })
    await service.getLibraryItems({ library: '1', limit: 5 })
    clock.advanceSeconds(120)
    await home.close()
    const read = await service.getLibraryItems({ library: '1', limit: 5 })
    expect(read.source).toBe('stale')
    expect(service.connectionStatus().state).toBe('offline')
    const log = stranger.controls.requestLog()
    expect(log.map((entry) => entry.path)).toEqual(['/identity'])
    expect(log[0]!.plexHeaders['X-Plex-Token']).toBeUndefined()
  })

  it('does not fail over from a URL that is not one of the listed connections', async () => {
    const home = await fakePlex()
    const away = await fakePlex()
    const clock = new ManualClock()
    const { service } = openCore(home, {
      clock: clock.now,
      // The list belongs to some earlier setup; the configured URL is not in it.
      settings: {
        ...TTL,
        serverConnections: { machineIdentifier: home.machineIdentifier, urls: [away.url] },
      },
    })
    await service.getLibraryItems({ library: '1', limit: 5 })
    clock.advanceSeconds(120)
    await home.close()
    away.controls.clearRequestLog()
    expect((await service.getLibraryItems({ library: '1', limit: 5 })).source).toBe('stale')
    expect(away.controls.requestLog()).toEqual([])
  })
})
