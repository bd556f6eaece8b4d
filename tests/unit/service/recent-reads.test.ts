import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import type { ServiceStats } from '../../../src/main/service'
import type { RecentRead } from '../../../src/shared/recent-reads'
import { ManualClock } from '../../support/manual-clock'
import { tempDir } from '../../support/temp-dir'
import { json, runCli } from '../cli/run-cli'
import { fakePlex, openCore, recordEvents } from './support'

/** The fields worth comparing; `at` is the clock's. */
const summary = (reads: RecentRead[]) =>
  reads.map(({ consumer, kind, libraryTitle, query, outcome, items }) => ({
    consumer,
    kind,
    libraryTitle,
    query,
    outcome,
    items,
  }))

describe('recent reads', () => {
  it('lists what a CLI process read, newest first, in the app process and in stats --json', async () => {
    const fake = await fakePlex()
    const dataDir = tempDir()
    const env = { PLEX_URL: fake.url, PLEX_TOKEN: fake.token }
    const cli = (...args: string[]) => runCli([...args, '--data-dir', dataDir, '--json'], { env })
    expect((await cli('items', 'Movies', '--limit', '5')).status).toBe(0)
    expect((await cli('items', 'Movies', '--limit', '5', '--filter', 'the')).status).toBe(0)
    expect((await cli('search', 'Movies', 'a')).status).toBe(0)

    const app = openCore(fake, { dataDir })
    // The window's own browsing is never listed.
    await app.service.getLibraryItems({ library: '1', limit: 5 }, { consumer: 'inspection' })
    await app.service.findByFile({ nameOrPath: 'nothing-has-this-name.mkv' }, { consumer: 'a script' })
    const listed = app.service.recentReads()
    expect(summary(listed)).toEqual([
      {
        consumer: 'a script',
        kind: 'find',
        libraryTitle: null,
        query: 'nothing-has-this-name.mkv',
        outcome: 'miss',
        items: 0,
      },
      {
        consumer: 'cli',
        kind: 'search',
        libraryTitle: 'Movies',
        query: 'a',
        outcome: 'hit',
        items: expect.any(Number),
      },
      { consumer: 'cli', kind: 'library', libraryTitle: 'Movies', query: 'the', outcome: 'hit', items: 5 },
      { consumer: 'cli', kind: 'library', libraryTitle: 'Movies', query: '', outcome: 'miss', items: 5 },
    ])
    expect(listed.every((read) => read.library !== '' && read.at > 0)).toBe(true)
    await app.close()

    const stats = json<ServiceStats & { recentReads: RecentRead[] }>(await cli('stats'))
    expect(summary(stats.recentReads)).toEqual(summary(listed))
  })

  it('marks a copy served while Plex is down as stale, and a read that got no answer as failed', async () => {
    const fake = await fakePlex()
    const clock = new ManualClock()
    const core = openCore(fake, { clock: clock.now, settings: { libraryTtlSeconds: 60 } })
    const tool = { consumer: 'tool' }
    await core.service.getLibraryItems({ library: '1', limit: 2 }, tool)
    clock.advanceSeconds(120)
    fake.controls.setMaintenance(true)
    await core.service.getLibraryItems({ library: '1', limit: 2 }, tool)
    await expect(core.service.getLibraryItems({ library: '2', limit: 2 }, tool)).rejects.toThrow()
    expect(core.service.recentReads().map((read) => read.outcome)).toEqual(['failed', 'stale', 'miss'])
  })

  it("sends a 'stats' event when another process wrote reads, so the window updates live", async () => {
    const fake = await fakePlex()
    const dataDir = tempDir()
    const app = openCore(fake, { dataDir, upkeep: { statsIntervalMs: 50 } })
    const events = recordEvents(app)
    await sleep(150)
    events.length = 0
    await sleep(150)
    expect(events.filter((event) => event.type === 'stats')).toEqual([])

    const cli = openCore(fake, { dataDir })
    await cli.service.getLibraryItems({ library: '1', limit: 1 }, { consumer: 'cli' })
    cli.cache.flushStats()
    await sleep(150)
    expect(events.filter((event) => event.type === 'stats').length).toBeGreaterThan(0)
    expect(app.service.recentReads()[0]?.consumer).toBe('cli')
  })
})
