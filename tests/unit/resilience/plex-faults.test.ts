import { describe, expect, it } from 'vitest'
import type { FakePlexControls } from '../../../src/fake-plex'
import { ServiceError, type ClientTuning } from '../../../src/main/service'
import type { ServiceErrorInfo } from '../../../src/shared/service-types'
import { ManualClock } from '../../support/manual-clock'
import { fakePlex, itemPageRequests, openCore } from '../service/support'

/**
 * Issue 7, "Plex faults": every way a Plex server can misbehave ends in a typed, readable error,
 * and an expired copy is served (marked stale) rather than nothing. Service level: the real core
 * over a temp directory, against the fake on loopback, with instant retries.
 */

const TOKEN = 'resilience-token-7c1d2e'
const TTL = { libraryTtlSeconds: 60, searchTtlSeconds: 60 }
const MIB = 1024 * 1024
/** Each case makes a handful of requests; a hang would show up as this timeout, not a stuck suite. */
const BOUND = { timeout: 10_000 }

interface FaultCase {
  name: string
  inject(controls: FakePlexControls): void
  code: ServiceErrorInfo['code']
  message: RegExp
  /** Client settings the fault needs (a short timeout, a small size cap), on top of instant retries. */
  tuning?: ClientTuning
}

const FAULTS: FaultCase[] = [
  {
    name: 'latency past the timeout',
    // Far past the timeout; the fake cuts the wait short when it closes.
    inject: (controls) => controls.setLatency(30_000),
    code: 'UNREACHABLE',
    message: /did not answer GET \S+ within 300 ms/,
    tuning: { timeoutMs: 300 },
  },
  {
    name: '503 maintenance',
    inject: (controls) => controls.setMaintenance(true),
    code: 'UNREACHABLE',
    message: /temporarily unavailable \(503\)/,
  },
  {
    name: 'dropped connections',
    inject: (controls) => controls.setDropConnections(true),
    code: 'UNREACHABLE',
    message: /Could not talk to the Plex server at http:\/\/127\.0\.0\.1:\d+/,
  },
  {
    name: 'malformed JSON',
    inject: (controls) => controls.setGarbledJson(true),
    code: 'PROTOCOL',
    message: /was not valid JSON/,
  },
  {
    name: 'truncated JSON',
    inject: (controls) => controls.setMalformedJson(true),
    code: 'PROTOCOL',
    message: /was not valid JSON/,
  },
  {
    name: 'a gzip body cut short',
    inject: (controls) => controls.setTruncatedGzip(true),
    code: 'PROTOCOL',
    message: /was not valid JSON/,
  },
  {
    name: 'a page that repeats forever',
    inject: (controls) => controls.setRepeatingPages(true),
    code: 'PROTOCOL',
    message: /kept sending the same items|sent the same page again/,
  },
  {
    name: 'a response far larger than expected',
    inject: (controls) => controls.setOversizedResponse(16 * MIB),
    code: 'PROTOCOL',
    message: /was larger than 1 MB/,
    tuning: { maxResponseBytes: MIB },
  },
]

function openFaultyCore(fault: FaultCase, fake: Awaited<ReturnType<typeof fakePlex>>, clock: ManualClock) {
  return openCore(fake, {
    clock: clock.now,
    settings: TTL,
    clientTuning: { retries: 1, sleep: async () => {}, timeoutMs: 5_000, ...fault.tuning },
  })
}

/** Clear means: the expected code, a message a person can act on, and no token or stack in it. */
function expectClearError(info: ServiceErrorInfo | undefined, fault: FaultCase): void {
  expect(info?.code).toBe(fault.code)
  expect(info?.message).toMatch(fault.message)
  expect(info?.message).not.toContain(TOKEN)
  expect(info?.message).not.toMatch(/\n\s+at /)
}

describe('Plex faults: an expired copy is served as stale, with the error', () => {
  for (const fault of FAULTS) {
    it(`${fault.name}`, BOUND, async () => {
      const fake = await fakePlex({ token: TOKEN })
      const clock = new ManualClock()
      const { service, cache } = openFaultyCore(fault, fake, clock)
      const original = await service.getLibraryItems({ library: '1', limit: 5 })
      const key = `${fake.machineIdentifier}:1`
      const copyBefore = cache.getLibraryInfo(key)
      clock.advanceSeconds(120)
      fake.controls.clearRequestLog()
      fault.inject(fake.controls)

      const stale = await service.getLibraryItems({ library: '1', limit: 5 })
      expect(stale.source).toBe('stale')
      expect(stale.items).toEqual(original.items)
      expect(stale.total).toBe(original.total)
      expectClearError(stale.error, fault)
      // The copy is kept as it was: nothing deleted, nothing half-replaced.
      expect(cache.getLibraryInfo(key)).toEqual({ ...copyBefore, expired: true })
      expect(cache.readLibrary(key, { allowStale: true })?.value).toHaveLength(original.total)
      // Endless paging is cut off after a few pages, not after the million the server claims.
      expect(itemPageRequests(fake.controls.requestLog()).length).toBeLessThanOrEqual(10)
    })
  }
})

describe('Plex faults: a library with no copy fails with the clear error', () => {
  for (const fault of FAULTS) {
    it(`${fault.name}`, BOUND, async () => {
      const fake = await fakePlex({ token: TOKEN })
      const clock = new ManualClock()
      const { service, cache } = openFaultyCore(fault, fake, clock)
      // The server and its sections are known; the library itself has never been fetched.
      await service.listLibraries()
      fault.inject(fake.controls)

      const error = await service.getLibraryItems({ library: '1' }).catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(ServiceError)
      expectClearError((error as ServiceError).info, fault)
      expect(String((error as ServiceError).stack)).not.toContain(TOKEN)
      expect(cache.listEntries().filter((entry) => entry.namespace === 'library')).toEqual([])
    })
  }
})
