import { describe, expect, it } from 'vitest'
import type { Core } from '../../../src/main/core'
import type { ServiceEvent } from '../../../src/main/service'
import { ManualClock } from '../../support/manual-clock'
import { fakePlex, itemPageRequests, openCore, recordEvents } from './support'

const TTL = { libraryTtlSeconds: 60, searchTtlSeconds: 60 }

/** A cached Movies library, expired, so the next read or refresh asks Plex. */
async function cachedThenExpired(options: Parameters<typeof openCore>[1] = {}) {
  const fake = await fakePlex()
  const clock = new ManualClock()
  const core = openCore(fake, { clock: clock.now, settings: TTL, ...options })
  const original = await core.service.getLibraryItems({ library: '1', limit: 500 })
  expect(original.total).toBe(120)
  clock.advanceSeconds(120)
  return { fake, clock, core, original, key: `${fake.machineIdentifier}:1` }
}

function expectCopyKept(core: Core, key: string, items: unknown[]): void {
  expect(core.cache.getLibraryInfo(key)?.itemCount).toBe(120)
  expect(core.cache.readLibrary(key, { allowStale: true })?.value).toEqual(items)
}

describe('CacheService against a server whose listing answers are wrong: the cached copy is kept', () => {
  it('an endless listing ends in PROTOCOL at the cap, and the stale copy is still served', async () => {
    const { fake, core, original, key } = await cachedThenExpired({
      clientTuning: { retries: 1, sleep: async () => {}, listingLimits: { maxItems: 2000 } },
    })
    fake.controls.setEndlessPaging(true)
    const outcome = await core.service.refreshLibrary({ library: '1', force: true })
    expect(outcome).toMatchObject({ outcome: 'failed', error: { code: 'PROTOCOL' } })
    expect(outcome.error?.message).toMatch(/kept sending items/)
    expectCopyKept(core, key, original.items)
    const read = await core.service.getLibraryItems({ library: '1', limit: 500 })
    expect(read).toMatchObject({ source: 'stale', error: { code: 'PROTOCOL' } })
    expect(read.items).toEqual(original.items)
  })

  const faults = [
    [
      'a negative total',
      (fake: Awaited<ReturnType<typeof fakePlex>>) => fake.controls.setWrongTotals('negative'),
    ],
    [
      'a total below what was sent',
      (fake: Awaited<ReturnType<typeof fakePlex>>) => fake.controls.setWrongTotals('shrinking'),
    ],
    [
      'a total that jumps',
      (fake: Awaited<ReturnType<typeof fakePlex>>) => fake.controls.setWrongTotals('growing'),
    ],
    [
      'pages with no usable entry',
      (fake: Awaited<ReturnType<typeof fakePlex>>) => fake.controls.setUnusableItems(true),
    ],
  ] as const
  for (const [name, arrange] of faults) {
    it(`${name} is a PROTOCOL failure that keeps the cached copy`, async () => {
      const { fake, core, original, key } = await cachedThenExpired()
      arrange(fake)
      const outcome = await core.service.refreshLibrary({ library: '1', force: true })
      expect(outcome).toMatchObject({ outcome: 'failed', error: { code: 'PROTOCOL' } })
      expectCopyKept(core, key, original.items)
      expect((await core.service.getLibraryItems({ library: '1', limit: 500 })).items).toEqual(original.items)
    })
  }

  it('a 404 on the items of a library the section list still shows keeps the copy', async () => {
    const { fake, core, original, key } = await cachedThenExpired()
    fake.controls.setForcedStatus('/library/sections/1/', 404)
    const outcome = await core.service.refreshLibrary({ library: 'Movies', force: true })
    expect(outcome).toMatchObject({ outcome: 'failed', error: { code: 'PROTOCOL' } })
    expect(outcome.error?.message).toMatch(/404 for the items of library "Movies" while still listing it/)
    expectCopyKept(core, key, original.items)
    // The same on a read of the expired copy, which is served stale.
    const read = await core.service.getLibraryItems({ library: '1', limit: 500 })
    expect(read).toMatchObject({ source: 'stale', error: { code: 'PROTOCOL' } })
  })

  it('a library gone from the section list is removed, searches and all', async () => {
    const { fake, core, key } = await cachedThenExpired()
    await core.service.search({ library: '1', title: 'a' })
    fake.controls.removeSection('1')
    const outcome = await core.service.refreshLibrary({ library: '1', force: true })
    expect(outcome).toMatchObject({ outcome: 'failed', error: { code: 'NOT_FOUND' } })
    expect(core.cache.getLibraryInfo(key)).toBeNull()
    expect(core.cache.listEntries().filter((entry) => entry.library === key)).toEqual([])
  })
})

describe('CacheService against a slow server', () => {
  it('resumes after a page times out, shows the retry in the progress events, and stores every item', async () => {
    const fake = await fakePlex()
    const core = openCore(fake, { clientTuning: { retries: 3, sleep: async () => {}, timeoutMs: 300 } })
    await core.service.listLibraries()
    fake.controls.setStalledPages({ every: 2, times: 1 })
    fake.controls.clearRequestLog()
    const events = recordEvents(core)
    const outcome = await core.service.refreshLibrary({ library: '1', force: true })
    expect(outcome).toMatchObject({ outcome: 'fetched', itemCount: 120 })
    const progress = events.filter(
      (event): event is Extract<ServiceEvent, { type: 'progress' }> => event.type === 'progress',
    )
    const retries = progress.filter((event) => event.retry)
    expect(retries).toHaveLength(1)
    expect(retries[0]).toMatchObject({
      library: '1',
      retry: { page: 2, attempt: 1, attempts: 3, reason: 'timed out' },
    })
    // The next progress clears the notice, and the last one is complete.
    expect(progress.at(-1)).toEqual({ type: 'progress', library: '1', fetched: 120, total: 120 })
    // Three pages of 50, the stalled second one asked twice: nothing else asked again.
    const starts = itemPageRequests(fake.controls.requestLog()).map((entry) =>
      Number(entry.plexHeaders['X-Plex-Container-Start']),
    )
    expect(starts.sort((a, b) => a - b)).toEqual([0, 50, 50, 100])
  })

  it('pages to a short page when the server sends no totals, and stores the count it made', async () => {
    const fake = await fakePlex()
    fake.controls.setNoTotals(true)
    const core = openCore(fake)
    const read = await core.service.getLibraryItems({ library: '1', limit: 500 })
    expect(read.total).toBe(120)
    expect(core.cache.getLibraryInfo(`${fake.machineIdentifier}:1`)?.itemCount).toBe(120)
  })
})
