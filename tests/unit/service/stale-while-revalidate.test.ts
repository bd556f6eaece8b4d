import { describe, expect, it } from 'vitest'
import type { FakePlexServer } from '../../../src/fake-plex'
import { ManualClock } from '../../support/manual-clock'
import { countRequests, fakePlex, itemPageRequests, openCore } from './support'

const LIBRARY_TTL = 60
const WINDOW = 600

async function waitFor(condition: () => boolean, timeoutMs = 3_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

/** Movies cached, then expired by two minutes: inside a ten-minute stale-while-revalidate window. */
async function expiredInWindow(window = WINDOW) {
  const fake = await fakePlex()
  const clock = new ManualClock()
  const core = openCore(fake, {
    clock: clock.now,
    settings: {
      libraryTtlSeconds: LIBRARY_TTL,
      searchTtlSeconds: LIBRARY_TTL,
      staleWhileRevalidateSeconds: window,
    },
  })
  const { items } = await core.service.getLibraryItems({ library: 'Movies', limit: 5 })
  await core.service.search({ library: 'Movies', title: 'the' })
  clock.advanceSeconds(LIBRARY_TTL + 120)
  fake.controls.clearRequestLog()
  const path = items.find((item) => item.files.length > 0)?.files[0]?.path ?? ''
  return { fake, core, clock, path }
}

const moviesKey = (fake: FakePlexServer) => `${fake.machineIdentifier}:1`

describe('stale-while-revalidate (issue 11, point 3)', () => {
  it('serves an expired library at once, marked stale, while one background revalidation renews it', async () => {
    const { fake, core, clock } = await expiredInWindow()
    // Plex is slow: an answer that waited for it would take at least half a second.
    fake.controls.setLatency(500)
    const started = Date.now()
    const page = await core.service.getLibraryItems({ library: 'Movies', limit: 5 })
    expect(Date.now() - started).toBeLessThan(400)
    expect(page).toMatchObject({ source: 'stale', total: 120 })
    expect(page.error).toBeUndefined()

    await waitFor(() => core.cache.getLibraryInfo(moviesKey(fake))?.expired === false, 5_000)
    expect(core.cache.getLibraryInfo(moviesKey(fake))!.expiresAt).toBeGreaterThan(clock.now())
    expect(itemPageRequests(fake.controls.requestLog())).toEqual([])
    expect(core.service.stats().revalidations).toBe(1)
    fake.controls.setLatency(0)
    await expect(core.service.getLibraryItems({ library: 'Movies', limit: 5 })).resolves.toMatchObject({
      source: 'cache',
    })
  })

  it('coalesces the revalidation of many concurrent stale reads into one', async () => {
    const { fake, core } = await expiredInWindow()
    fake.controls.setLatency(100)
    const pages = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        core.service.getLibraryItems({ library: 'Movies', offset: i, limit: 1 }),
      ),
    )
    expect(pages.every((page) => page.source === 'stale')).toBe(true)
    await waitFor(() => core.cache.getLibraryInfo(moviesKey(fake))?.expired === false)
    expect(countRequests(fake.controls.requestLog())).toHaveLength(1)
    expect(core.service.stats().revalidations).toBe(1)
  })

  it('gives the stale answer even when the background revalidation fails', async () => {
    const { fake, core } = await expiredInWindow()
    fake.controls.setMaintenance(true)
    const page = await core.service.getLibraryItems({ library: 'Movies', limit: 5 })
    expect(page).toMatchObject({ source: 'stale', total: 120 })
    const search = await core.service.search({ library: 'Movies', title: 'the' })
    expect(search.source).toBe('stale')
    await waitFor(() => core.service.connectionStatus().state === 'offline')
    expect(core.cache.getLibraryInfo(moviesKey(fake))?.expired).toBe(true)
  })

  it('answers find-by-file from the stale copy and renews it behind the answer', async () => {
    const { fake, core, path } = await expiredInWindow()
    fake.controls.setLatency(500)
    const started = Date.now()
    const rows = await core.service.findByFile({ nameOrPath: path })
    expect(Date.now() - started).toBeLessThan(400)
    expect(rows.map((row) => [row.source, row.error])).toEqual([['stale', undefined]])
    await waitFor(() => core.cache.getLibraryInfo(moviesKey(fake))?.expired === false, 5_000)
    fake.controls.setLatency(0)
    expect((await core.service.findByFile({ nameOrPath: path })).map((row) => row.source)).toEqual(['cache'])
  })

  it('waits for Plex once the copy is older than the window, and when the window is 0 (off)', async () => {
    for (const window of [60, 0]) {
      const { fake, core } = await expiredInWindow(window)
      fake.controls.setLatency(200)
      const started = Date.now()
      const page = await core.service.getLibraryItems({ library: 'Movies', limit: 5 })
      expect(Date.now() - started).toBeGreaterThanOrEqual(200)
      // Revalidated as unchanged before answering: fresh, not stale.
      expect(page.source).toBe('cache')
      expect(core.cache.getLibraryInfo(moviesKey(fake))?.expired).toBe(false)
    }
  })
})
