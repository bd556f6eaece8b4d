import { describe, expect, it } from 'vitest'
import { ManualClock } from '../../support/manual-clock'
import { fakePlex, openCore } from './support'

const TTL = { libraryTtlSeconds: 60, searchTtlSeconds: 60 }

/**
 * Issue 11, point 2: "which Plex item is this file?" keeps working while Plex is down, answered from
 * the expired copies kept for stale serving, and every answer says it is stale and how old it is.
 */
async function expiredCacheWithPlexDown() {
  const fake = await fakePlex()
  const clock = new ManualClock()
  const first = openCore(fake, { clock: clock.now, settings: TTL })
  const page = await first.service.getLibraryItems({ library: 'Movies', limit: 5 })
  const fetchedAt = page.fetchedAt
  await first.close()
  const dataDir = first.cache.file.replace(/\/cache\/plex-cache\.sqlite$/, '')
  clock.advanceSeconds(3600)
  fake.controls.setDropConnections(true)
  // A new process, as the CLI is: it has not yet seen Plex fail.
  const core = openCore(fake, { clock: clock.now, settings: TTL, dataDir })
  const item = page.items.find((candidate) => candidate.files.length > 0)
  if (!item?.files[0]) throw new Error('the dataset has a movie with a file')
  return { fake, clock, core, item, file: item.files[0], fetchedAt }
}

describe('CacheService lookups while Plex is down and the copy has expired', () => {
  it('finds a file by name and by path in the stale copy, marked stale with its age', async () => {
    const { core, item, file, fetchedAt } = await expiredCacheWithPlexDown()
    const name = file.path.split('/').pop() ?? ''
    for (const wanted of [name, file.path]) {
      const rows = await core.service.findByFile({ nameOrPath: wanted })
      expect(rows.map((row) => row.item.ratingKey)).toEqual([item.ratingKey])
      expect(rows[0]).toMatchObject({ source: 'stale', fetchedAt, library: { key: '1', title: 'Movies' } })
    }
    expect(core.service.connectionStatus().state).toBe('offline')
  })

  it('answers a search from the stale listing', async () => {
    const { core, item, fetchedAt } = await expiredCacheWithPlexDown()
    const result = await core.service.search({ library: 'Movies', title: item.title })
    expect(result.source).toBe('stale')
    expect(result.fetchedAt).toBe(fetchedAt)
    expect(result.error?.code).toBe('UNREACHABLE')
    expect(result.results.map((found) => found.ratingKey)).toContain(item.ratingKey)
  })

  it('lists the stale entries and browses the stale listing for the inspector', async () => {
    const { core, fetchedAt } = await expiredCacheWithPlexDown()
    await expect(core.service.getLibraryItems({ library: 'Movies', limit: 3 })).resolves.toMatchObject({
      source: 'stale',
      fetchedAt,
      total: 120,
    })
    const entries = await core.service.listEntries()
    expect(entries.map((entry) => [entry.kind, entry.library, entry.state])).toEqual([
      ['library', '1', 'stale'],
    ])
    const rows = await core.service.listLibraries()
    expect(rows.find((row) => row.key === '1')).toMatchObject({ state: 'stale', itemCount: 120 })
    // The statistics count by the same definition, so all three views agree.
    expect(core.service.stats().entryStates).toEqual({ fresh: 0, stale: 1, expired: 0 })
  })

  it('counts an expired copy as expired, not stale, while Plex answers', async () => {
    const { fake, core } = await expiredCacheWithPlexDown()
    fake.controls.reset()
    expect(core.service.stats().entryStates).toEqual({ fresh: 0, stale: 0, expired: 1 })
    expect((await core.service.listEntries()).map((entry) => entry.state)).toEqual(['expired'])
  })

  it('does not serve an expired copy from find while Plex answers', async () => {
    const { fake, core, file } = await expiredCacheWithPlexDown()
    fake.controls.reset()
    // Plex is back: the expired library is revalidated (unchanged), so the answer is fresh again.
    const rows = await core.service.findByFile({ nameOrPath: file.path })
    expect(rows.map((row) => row.source)).toEqual(['cache'])
  })
})
