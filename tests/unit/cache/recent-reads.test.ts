import { afterEach, describe, expect, it } from 'vitest'
import { PlexCache } from '../../../src/main/cache'
import { RECENT_READS_KEPT, type RecentRead } from '../../../src/shared/recent-reads'
import { ManualClock } from '../../support/manual-clock'
import { tempDir } from '../../support/temp-dir'

const open: PlexCache[] = []
afterEach(() => {
  for (const cache of open.splice(0)) cache.close()
})

function openCache(dataDir: string, clock = new ManualClock()): PlexCache {
  const cache = new PlexCache({ dataDir, clock: clock.now })
  open.push(cache)
  return cache
}

function read(at: number, overrides: Partial<RecentRead> = {}): RecentRead {
  return {
    at,
    consumer: 'cli',
    kind: 'library',
    library: '1',
    libraryTitle: 'Movies',
    query: '',
    outcome: 'hit',
    items: 20,
    ...overrides,
  }
}

describe('PlexCache: recent reads', () => {
  it("shows another connection's reads once it flushed them, newest first, with this one's unflushed ones", () => {
    const dataDir = tempDir()
    const app = openCache(dataDir)
    const cli = openCache(dataDir)
    cli.recordRead(read(1_000, { kind: 'search', query: 'alien', outcome: 'miss', items: 3 }))
    cli.recordRead(read(2_000, { consumer: 'my script', outcome: 'stale' }))
    expect(app.recentReads()).toEqual([])
    cli.flushStats()
    app.recordRead(read(3_000, { kind: 'find', library: null, libraryTitle: null, query: 'a.mkv' }))
    expect(app.recentReads().map((r) => [r.at, r.consumer, r.kind, r.outcome])).toEqual([
      [3_000, 'cli', 'find', 'hit'],
      [2_000, 'my script', 'library', 'stale'],
      [1_000, 'cli', 'search', 'miss'],
    ])
    expect(app.recentReads()[2]).toEqual(
      read(1_000, { kind: 'search', query: 'alien', outcome: 'miss', items: 3 }),
    )
  })

  it(`keeps only the newest ${RECENT_READS_KEPT}, in the file and in memory`, () => {
    const dataDir = tempDir()
    const cache = openCache(dataDir)
    for (let at = 1; at <= 130; at++) {
      cache.recordRead(read(at))
      if (at % 40 === 0) cache.flushStats()
    }
    const listed = cache.recentReads()
    expect(listed).toHaveLength(RECENT_READS_KEPT)
    expect(listed[0]?.at).toBe(130)
    expect(listed.at(-1)?.at).toBe(31)
    cache.flushStats()
    const other = openCache(dataDir)
    expect(other.recentReads().map((r) => r.at)).toEqual(listed.map((r) => r.at))
  })

  it("never keeps the window's inspection reads", () => {
    const cache = openCache(tempDir())
    cache.recordRead(read(1, { consumer: 'inspection' }))
    cache.flushStats()
    expect(cache.recentReads()).toEqual([])
  })

  it('are erased with the other statistics', () => {
    const dataDir = tempDir()
    const cache = openCache(dataDir)
    cache.recordRead(read(1))
    cache.flushStats()
    cache.recordRead(read(2))
    cache.resetStats()
    expect(cache.recentReads()).toEqual([])
    expect(openCache(dataDir).recentReads()).toEqual([])
  })

  it('tells once that another connection committed, not when this one did', () => {
    const dataDir = tempDir()
    const app = openCache(dataDir)
    const cli = openCache(dataDir)
    expect(app.changedElsewhere()).toBe(false)
    app.recordRead(read(1))
    app.flushStats()
    expect(app.changedElsewhere()).toBe(false)
    cli.recordRead(read(2))
    cli.flushStats()
    expect(app.changedElsewhere()).toBe(true)
    expect(app.changedElsewhere()).toBe(false)
  })
})
