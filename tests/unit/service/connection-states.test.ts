import { describe, expect, it } from 'vitest'
import type { ConnectionStatus, ServiceEvent } from '../../../src/main/service'
import { ManualClock } from '../../support/manual-clock'
import { createTestCa } from '../../support/test-certificates'
import { fetchTrusting } from '../../support/trusting-fetch'
import { fakePlex, openCore, recordEvents } from './support'

const TTL = { libraryTtlSeconds: 60, searchTtlSeconds: 60 }

describe('the connection status says which kind of failure it is', () => {
  it('maintenance: a 503 that retries could not fix, with its status', async () => {
    const fake = await fakePlex()
    const { service } = openCore(fake)
    await service.refreshAll()
    fake.controls.setMaintenance(true)

    const outcomes = await service.refreshAll()
    expect(outcomes.every((outcome) => outcome.outcome === 'failed')).toBe(true)
    expect(outcomes[0]?.error).toMatchObject({ code: 'UNREACHABLE', status: 503 })
    expect(service.connectionStatus()).toMatchObject({
      state: 'offline',
      problem: 'maintenance',
      lastError: { code: 'UNREACHABLE', status: 503 },
    })
  })

  it('token rejected: a 401 reads as such, not as "unreachable"', async () => {
    const fake = await fakePlex()
    const { service } = openCore(fake, { settings: { token: 'not-the-token' } })
    await expect(service.refreshLibrary({ library: '1' })).rejects.toMatchObject({ code: 'AUTH' })
    expect(service.connectionStatus()).toMatchObject({
      state: 'offline',
      problem: 'token-rejected',
      lastError: { code: 'AUTH', status: 401 },
    })
    expect(JSON.stringify(service.connectionStatus())).not.toContain('not-the-token')
  })

  it('certificate: a server presenting a certificate for another name', async () => {
    const ca = createTestCa()
    const leaf = ca.issue(['DNS:elsewhere.example'])
    const fake = await fakePlex({ tls: { cert: leaf.cert, key: leaf.key } })
    const { service } = openCore(fake, { fetch: fetchTrusting(ca.cert) })
    await expect(service.refreshLibrary({ library: '1' })).rejects.toMatchObject({ code: 'CERTIFICATE' })
    const status = service.connectionStatus()
    expect(status).toMatchObject({
      state: 'offline',
      problem: 'certificate',
      lastError: { code: 'CERTIFICATE' },
    })
    expect(status.lastError?.certificate?.reason).toBe('wrong-name')
  })

  it('unreachable: nothing answers at the address', async () => {
    const fake = await fakePlex()
    const { service } = openCore(fake)
    await service.refreshAll()
    await fake.close()
    const outcomes = await service.refreshAll()
    expect(outcomes[0]?.error?.code).toBe('UNREACHABLE')
    expect(service.connectionStatus()).toMatchObject({ state: 'offline', problem: 'unreachable' })
    expect(service.connectionStatus().lastError?.status).toBeUndefined()
  })

  it('keeps the library list, with its states, while the token is rejected', async () => {
    const fake = await fakePlex()
    const clock = new ManualClock()
    const { service } = openCore(fake, { clock: clock.now, settings: TTL })
    await service.refreshAll()
    const before = (await service.listLibraries()).map((row) => row.title)
    clock.advanceSeconds(120)
    // The token is revoked: the next look at the (expired) section list meets a 401.
    service.updateSettings({ token: 'revoked-token' })

    const rows = await service.listLibraries()
    expect(rows.map((row) => row.title)).toEqual(before)
    expect(rows.every((row) => row.state === 'stale' && row.cached)).toBe(true)
    expect(service.connectionStatus()).toMatchObject({ state: 'offline', problem: 'token-rejected' })
  })

  it('checking again asks Plex with the token and says what it found', async () => {
    const fake = await fakePlex()
    const { service } = openCore(fake)
    await service.refreshAll()
    fake.controls.setMaintenance(true)
    expect((await service.checkConnection()).problem).toBe('maintenance')
    fake.controls.setMaintenance(false)
    expect(await service.checkConnection()).toMatchObject({ state: 'online' })
  })
})

describe('no flapping', () => {
  it('stays offline through a long maintenance with keep-warm on, and comes back online once', async () => {
    const fake = await fakePlex()
    const clock = new ManualClock()
    const core = openCore(fake, {
      clock: clock.now,
      settings: { ...TTL, keepWarm: true },
      upkeep: { keepWarmIntervalMs: 30_000, keepWarmMaxProbeDelayMs: 120_000 },
    })
    await core.service.refreshAll()
    const events = recordEvents(core)
    const states = () => stateChanges(events)
    const tick = async () => {
      clock.advanceSeconds(30)
      await core.service.keepWarmNow()
    }

    fake.controls.setMaintenance(true)
    // An hour of ticks: /identity answers throughout (it needs no token), the rest says 503.
    for (let i = 0; i < 120; i++) await tick()
    expect(states()).toEqual(['offline:maintenance'])
    // Backed off: the section list is not asked every 30 s.
    const sectionRequests = fake.controls.requestLog().filter((entry) => entry.path === '/library/sections')
    expect(sectionRequests.length).toBeLessThan(2 * 40)

    fake.controls.setMaintenance(false)
    for (let i = 0; i < 10; i++) await tick()
    expect(states()).toEqual(['offline:maintenance', 'online'])
    expect(core.service.connectionStatus().problem).toBeUndefined()
  })

  it('a rejected token does not flap either, though /identity keeps answering', async () => {
    const fake = await fakePlex()
    const clock = new ManualClock()
    const core = openCore(fake, {
      clock: clock.now,
      settings: { ...TTL, keepWarm: true },
      upkeep: { keepWarmIntervalMs: 30_000 },
    })
    await core.service.refreshAll()
    const events = recordEvents(core)
    core.service.updateSettings({ token: 'revoked-token' })
    for (let i = 0; i < 60; i++) {
      clock.advanceSeconds(30)
      await core.service.keepWarmNow()
      // Reads from the cache never count as Plex answering.
      await core.service.listLibraries()
      await core.service.getLibraryItems({ library: '1', limit: 5 }).catch(() => undefined)
    }
    // The new token is assumed good until Plex is asked; refused once, it stays refused.
    expect(stateChanges(events)).toEqual(['online', 'offline:token-rejected'])
  })
})

/** Each connection event as "state:problem", a repeat of the one before (a server name learnt) left out. */
function stateChanges(events: ServiceEvent[]): string[] {
  const described = events.flatMap((event) =>
    event.type === 'connection' ? [describeStatus(event.status)] : [],
  )
  return described.filter((state, index) => state !== described[index - 1])
}

function describeStatus(status: ConnectionStatus): string {
  return status.problem ? `${status.state}:${status.problem}` : status.state
}
