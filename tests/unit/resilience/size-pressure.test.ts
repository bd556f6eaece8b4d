import { afterEach, describe, expect, it } from 'vitest'
import { PlexCache, type EvictionReason } from '../../../src/main/cache'
import { createCore } from '../../../src/main/core'
import { DEFAULT_SETTINGS, type CacheService } from '../../../src/main/service'
import { fakePlex } from '../../support/fake-plex'
import { movieLibrary } from '../../support/library-items'
import { ManualClock } from '../../support/manual-clock'
import { tempDir } from '../../support/temp-dir'
import { EntryLedger, evictionDelta, evictionsOf, seededRandom, totalBytes } from './fixtures/entry-ledger'

const LIMIT_BYTES = 60_000
const LIBRARIES = 40
const OPERATIONS = 400
const RETENTION_SECONDS = 30
/** Movies is far larger than the whole cache; the other sections fit, a few at a time. */
const SERVICE_DATASET = {
  movies: 400,
  shows: 3,
  seasonsPerShow: 2,
  episodesPerSeason: 5,
  artists: 2,
  photos: 12,
}
const SERVICE_LIMIT_BYTES = 34_000

let cache: PlexCache | undefined
let ledger: EntryLedger | undefined

afterEach(() => {
  ledger?.close()
  cache?.close()
  ledger = cache = undefined
})

type Step =
  | { kind: 'library'; name: string; size: number }
  | { kind: 'search'; name: string; query: string; size: number }
  | { kind: 'clear'; name: string }
  | { kind: 'sweep' }
  | { kind: 'idle' }
  | { kind: 'shrink' }

/** The same mix of operations every run: mostly writes, some of them too large for the whole cache. */
function planSteps(): Step[] {
  const random = seededRandom(7)
  return Array.from({ length: OPERATIONS }, (_, index): Step => {
    const name = `Library ${random(LIBRARIES)}`
    if (index === OPERATIONS / 2) return { kind: 'shrink' }
    const roll = random(100)
    if (roll < 50) return { kind: 'library', name, size: 1 + random(150) }
    if (roll < 80) return { kind: 'search', name, query: `query ${random(6)}`, size: random(25) }
    if (roll < 88) return { kind: 'clear', name }
    if (roll < 94) return { kind: 'sweep' }
    return { kind: 'idle' }
  })
}

const othersThan = (delta: Record<EvictionReason, number>) => delta.expired + delta.size_limit + delta.cleared

describe('a tiny size limit under many libraries and searches', () => {
  it('holds after every write and counts every eviction with its reason', () => {
    const clock = new ManualClock()
    cache = new PlexCache({
      dataDir: tempDir(),
      clock: clock.now,
      sizeLimitBytes: LIMIT_BYTES,
      libraryTtlSeconds: 120,
      searchTtlSeconds: 60,
      staleRetentionSeconds: RETENTION_SECONDS,
    })
    ledger = new EntryLedger(cache.file)
    let limit = LIMIT_BYTES
    const seen = { tooLarge: 0, stored: 0 }
    for (const [index, step] of planSteps().entries()) {
      clock.advanceSeconds(3)
      const before = ledger.entries()
      const countsBefore = evictionsOf(cache)
      let written: string | undefined
      let rejected = false
      switch (step.kind) {
        case 'library': {
          written = `library/${step.name}/`
          const outcome = cache.setLibraryItems(step.name, movieLibrary(step.size, { seed: index }))
          rejected = !outcome.stored
          if (rejected) expect(outcome).toMatchObject({ reason: 'too_large' })
          expect(outcome.bytes > limit).toBe(rejected)
          break
        }
        case 'search': {
          written = `search/${step.name}/${step.query}`
          expect(cache.setSearchResults(step.name, step.query, movieLibrary(step.size)).stored).toBe(true)
          break
        }
        case 'clear':
          expect(cache.clearLibrary(step.name)).toBe(
            [...before.keys()].filter((key) => key.split('/')[1] === step.name).length,
          )
          break
        case 'sweep':
          cache.sweepExpired()
          break
        case 'idle':
          // Long enough for everything to expire and pass its stale retention: the next write sweeps it.
          clock.advanceSeconds(200)
          break
        case 'shrink':
          // The user lowers the limit: what no longer fits goes at once.
          limit = LIMIT_BYTES / 2
          cache.configure({ sizeLimitBytes: limit })
          break
      }
      const after = ledger.entries()
      const delta = evictionDelta(countsBefore, evictionsOf(cache))
      const context = `step ${index} (${JSON.stringify(step)})`

      // The limit holds after every write, by the file's own rows and by the cache's account.
      expect(totalBytes(after), context).toBeLessThanOrEqual(limit)
      expect(cache.getStats().accountedBytes, context).toBe(totalBytes(after))

      // Every entry that disappeared was counted under exactly one reason. Replacing the written key
      // is no eviction, but its old copy is: swept as expired when past its stale retention, or
      // dropped as too_large when the new copy is rejected.
      const removed = [...before.keys()].filter((key) => !after.has(key) && key !== written)
      const old = written === undefined ? undefined : before.get(written)
      const sweptOld = old !== undefined && old.expiresAt <= clock.nowMs - RETENTION_SECONDS * 1000 ? 1 : 0
      const stored = written !== undefined && !rejected
      expect(othersThan(delta), context).toBe(removed.length + sweptOld)
      expect(delta.too_large, context).toBe(rejected ? 1 : 0)
      expect(after.size, context).toBe(before.size - removed.length - (old ? 1 : 0) + (stored ? 1 : 0))
      if (rejected) expect(after.has(written!), context).toBe(false)
      if (step.kind === 'clear') expect(delta, context).toMatchObject({ expired: 0, size_limit: 0 })
      if (step.kind === 'shrink') expect(delta.size_limit, context).toBe(removed.length)
      if (step.kind === 'sweep') expect(delta.expired, context).toBe(removed.length)
      seen.tooLarge += rejected ? 1 : 0
      seen.stored += stored ? 1 : 0

      // Reads keep working whatever was evicted.
      cache.getLibraryPage('name' in step ? step.name : 'Library 0', { limit: 5 })
      cache.findByFileName('nothing-here.mkv')
    }
    const totals = evictionsOf(cache)
    // The plan really exercised every reason, and mostly stored.
    for (const reason of ['expired', 'size_limit', 'too_large', 'cleared'] as const)
      expect(totals[reason]).toBeGreaterThan(0)
    expect(totals.too_large).toBe(seen.tooLarge)
    expect(seen.stored).toBeGreaterThan(seen.tooLarge)
  })
})

/** Words from the show and artist names, so searches find something and take room in the cache. */
async function searchWords(service: CacheService): Promise<Array<[string, string]>> {
  const words: Array<[string, string]> = []
  for (const library of ['TV Shows', 'Music']) {
    const { items } = await service.getLibraryItems({ library, limit: 100 })
    const names = new Set(items.flatMap((item) => (item.grandparentTitle ?? '').split(' ')))
    for (const name of names) if (name.length >= 3) words.push([library, name.toLowerCase()])
  }
  expect(words.length).toBeGreaterThan(3)
  return words
}

describe('the service over a tiny cache', () => {
  it('serves a library too large to keep straight from Plex, keeps the rest within the limit, and never fails', async () => {
    const plex = await fakePlex({ dataset: SERVICE_DATASET })
    const core = createCore({
      dataDir: tempDir(),
      fetch: globalThis.fetch,
      settings: {
        ...DEFAULT_SETTINGS,
        serverUrl: plex.url,
        token: plex.token,
        keepWarm: false,
        sizeLimitBytes: SERVICE_LIMIT_BYTES,
      },
    })
    const service = core.service
    const fileLedger = new EntryLedger(core.cache.file)
    const checkLimit = (context: string) => {
      const entries = fileLedger.entries()
      expect(totalBytes(entries), context).toBeLessThanOrEqual(SERVICE_LIMIT_BYTES)
      expect(service.stats().bytes, context).toBe(totalBytes(entries))
      return entries
    }
    try {
      const random = seededRandom(11)
      const words = await searchWords(service)
      for (let round = 0; round < 12; round++) {
        const outcomes = await service.refreshAll({ force: true })
        // Movies is fetched but cannot be kept: its refresh says so instead of looking successful.
        expect(outcomes.map((outcome) => [outcome.title, outcome.error?.code ?? outcome.outcome])).toEqual([
          ['Movies', 'TOO_LARGE'],
          ['TV Shows', 'fetched'],
          ['Music', 'fetched'],
          ['Photos', 'fetched'],
        ])
        // Movies never fits: no entry, and every read of it goes to Plex and comes back whole.
        expect([...checkLimit(`refresh ${round}`).keys()].filter((key) => key.endsWith(':1/'))).toEqual([])
        const movies = await service.getLibraryItems({ library: 'Movies', limit: 10 })
        expect(movies).toMatchObject({ source: 'plex', total: SERVICE_DATASET.movies })
        for (let search = 0; search < 6; search++) {
          const [library, word] = words[random(words.length)]!
          await service.search({ library, title: word })
          checkLimit(`round ${round} search ${search}`)
        }
        expect((await service.getLibraryItems({ library: 'Photos', limit: 5 })).items.length).toBeGreaterThan(
          0,
        )
      }
      const { evictions } = service.stats()
      // Counted once per rejected Movies listing: 12 refreshes and 12 reads.
      expect(evictions.too_large).toBe(24)
      expect(evictions.size_limit).toBeGreaterThan(0)
    } finally {
      fileLedger.close()
      await core.close()
    }
  })
})
