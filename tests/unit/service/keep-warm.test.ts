import { describe, expect, it } from 'vitest'
import type { FakePlexServer } from '../../../src/fake-plex'
import { ManualClock } from '../../support/manual-clock'
import { fakePlex, itemPageRequests, openCore, pathsOf } from './support'

const TICK_SECONDS = 30
const LIBRARIES = 50

/** The fake's four sections plus added ones, one movie each, up to LIBRARIES. */
async function fiftyLibraries(): Promise<FakePlexServer> {
  const fake = await fakePlex()
  for (let key = 5; key <= LIBRARIES; key++) {
    fake.controls.addSection({ key: String(key), type: 'movie', title: `Library ${key}` })
    fake.controls.addItem(String(key), { title: `Film ${key}` })
  }
  return fake
}

/** A core whose keep-warm passes the test runs itself, one per simulated 30-second tick. */
async function warmCore(fake: FakePlexServer, libraryTtlSeconds: number) {
  const clock = new ManualClock()
  const core = openCore(fake, {
    clock: clock.now,
    settings: { libraryTtlSeconds, keepWarm: true },
    upkeep: { keepWarmIntervalMs: TICK_SECONDS * 1000 },
  })
  const outcomes = await core.service.refreshAll()
  expect(outcomes.filter((outcome) => outcome.outcome === 'fetched')).toHaveLength(LIBRARIES)
  const tick = async () => {
    clock.advanceSeconds(TICK_SECONDS)
    await core.service.keepWarmNow()
  }
  /** The soonest expiry among the cached libraries; every one of the fifty is counted. */
  const soonestExpiry = () => {
    const libraries = core.cache.listEntries({ allowStale: true }).filter((e) => e.namespace === 'library')
    expect(libraries).toHaveLength(LIBRARIES)
    return Math.min(...libraries.map((entry) => entry.expiresAt))
  }
  return { clock, core, tick, soonestExpiry }
}

describe('keep-warm with fifty libraries', () => {
  for (const ttl of [60, 3600, 86400]) {
    it(`never lets a library expire while Plex answers (TTL ${ttl} s), by revalidation alone`, async () => {
      const fake = await fiftyLibraries()
      const { clock, core, tick, soonestExpiry } = await warmCore(fake, ttl)
      fake.controls.clearRequestLog()
      // Two whole TTLs: every library has to be renewed at least twice.
      const ticks = Math.ceil((2 * ttl) / TICK_SECONDS) + 1
      for (let i = 0; i < ticks; i++) {
        await tick()
        // Not expired now, and not before the next tick either.
        expect(soonestExpiry()).toBeGreaterThan(clock.now() + TICK_SECONDS * 1000)
      }
      expect(itemPageRequests(fake.controls.requestLog())).toEqual([])
      expect(core.service.stats().revalidations).toBeGreaterThanOrEqual(2 * LIBRARIES)
    })
  }

  it('backs off while Plex is unreachable, then renews every library, expired ones included, once it is back', async () => {
    const fake = await fiftyLibraries()
    const { clock, core, tick, soonestExpiry } = await warmCore(fake, 60)
    fake.controls.setDropConnections(true)
    fake.controls.clearRequestLog()
    const outageTicks = 20 // ten minutes
    for (let i = 0; i < outageTicks; i++) await tick()
    expect(core.service.connectionStatus().state).toBe('offline')
    expect(soonestExpiry()).toBeLessThan(clock.now())
    const paths = pathsOf(fake.controls.requestLog())
    // One pass tried the section list; after that only probes, 30 s, 1, 2, 4 and 5 minutes apart.
    expect(paths.filter((path) => path !== '/identity').length).toBeLessThanOrEqual(2)
    const probes = paths.filter((path) => path === '/identity').length
    expect(probes).toBeGreaterThan(0)
    expect(probes).toBeLessThanOrEqual(2 * 6) // six probes, each tried twice (one retry)

    fake.controls.reset()
    fake.controls.clearRequestLog()
    // The next probe is at most five minutes away; the pass after it answers renews everything.
    for (let i = 0; i < 5 * 2 + 1 && soonestExpiry() <= clock.now(); i++) await tick()
    expect(core.service.connectionStatus().state).toBe('online')
    expect(soonestExpiry()).toBeGreaterThan(clock.now())
    // Nothing changed on the server: revalidated, not fetched again.
    expect(itemPageRequests(fake.controls.requestLog())).toEqual([])
  })

  it('renews nothing when keep-warm is off', async () => {
    const fake = await fiftyLibraries()
    const { core, tick, soonestExpiry, clock } = await warmCore(fake, 60)
    core.service.updateSettings({ keepWarm: false })
    fake.controls.clearRequestLog()
    for (let i = 0; i < 3; i++) await tick()
    expect(fake.controls.requestLog()).toEqual([])
    expect(soonestExpiry()).toBeLessThan(clock.now())
  })
})
