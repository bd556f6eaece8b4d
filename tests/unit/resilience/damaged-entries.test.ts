import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { cacheEventMessage, databasePath, type CacheEvent } from '../../../src/main/cache'
import { fakePlex } from '../../support/fake-plex'
import { tempDir } from '../../support/temp-dir'
import { openController } from '../app/support'
import { json, runCli } from '../cli/run-cli'
import { itemPageRequests, openCore, fakePlex as serviceFakePlex } from '../service/support'

const DATASET = { movies: 300, shows: 1, seasonsPerShow: 1, episodesPerSeason: 2, artists: 1, photos: 0 }

/** Cuts one stored chunk of the Movies listing short, from another connection, as a disk fault would. */
function cutMoviesChunk(dataDir: string): void {
  const db = new Database(databasePath(dataDir))
  try {
    const { changes } = db
      .prepare(
        `UPDATE chunks SET items = substr(items, 1, 100) WHERE seq = 1 AND entry_id =
           (SELECT id FROM entries WHERE namespace = 'library' AND meta ->> 'title' = 'Movies')`,
      )
      .run()
    expect(changes).toBe(1)
    expect(db.pragma('quick_check', { simple: true })).toBe('ok')
  } finally {
    db.close()
  }
}

const DROPPED = /The cached copy of Movies was damaged and has been dropped/
const PARSER_WORDS = /JSON|Unexpected|position \d|Unterminated/

describe('a damaged cached library, through the service', () => {
  it('is a miss: read from Plex again, with the damage reported and no parser message', async () => {
    const fake = await serviceFakePlex()
    const events: CacheEvent[] = []
    const dataDir = tempDir()
    const { service } = openCore(fake, { dataDir, onCacheEvent: (event) => events.push(event) })
    await service.refreshLibrary({ library: '1' })
    cutMoviesChunk(dataDir)
    fake.controls.clearRequestLog()

    const page = await service.getLibraryItems({ library: '1', offset: 40, limit: 5 })
    expect(page).toMatchObject({ source: 'plex', total: 120 })
    expect(page.items).toHaveLength(5)
    expect(itemPageRequests(fake.controls.requestLog()).length).toBeGreaterThan(0)
    expect(events.map(cacheEventMessage)).toEqual([expect.stringMatching(DROPPED)])
    expect((await service.getLibraryItems({ library: '1', offset: 40, limit: 5 })).source).toBe('cache')
    expect(service.stats().evictions.damaged).toBe(1)
  })

  it('is fetched again by a refresh instead of being revalidated and kept', async () => {
    const fake = await serviceFakePlex()
    const dataDir = tempDir()
    const { service } = openCore(fake, { dataDir })
    await service.refreshLibrary({ library: '1' })
    cutMoviesChunk(dataDir)
    const outcome = await service.refreshLibrary({ library: '1' })
    expect(outcome).toMatchObject({ outcome: 'fetched', itemCount: 120 })
    expect((await service.getLibraryItems({ library: '1', limit: 200 })).items).toHaveLength(120)
  })
})

describe('a damaged cached library, in the window', () => {
  it('is read from Plex again, and a warning notice says the cached copy was dropped', async () => {
    const plex = await fakePlex({ dataset: DATASET })
    const { controller, events, dataDir } = await openController()
    await controller.run('setSettings', { serverUrl: plex.url, token: plex.token })
    await controller.run('refreshLibrary', { library: '1' })
    cutMoviesChunk(dataDir)

    const page = await controller.run('getLibraryItems', { library: '1', offset: 40, limit: 5 })
    expect(page).toMatchObject({ source: 'plex', total: DATASET.movies })
    expect(events.filter((message) => message.event === 'notice')).toEqual([
      { event: 'notice', payload: { level: 'warning', message: expect.stringMatching(DROPPED) } },
    ])
  })
})

describe('a damaged cached library, through the CLI', () => {
  it('items and refresh fetch it again and warn on stderr; find does not show a parser message', async () => {
    const plex = await fakePlex({ dataset: DATASET })
    const dataDir = tempDir()
    const cli = (...args: string[]) =>
      runCli([...args, '--data-dir', dataDir], { env: { PLEX_URL: plex.url, PLEX_TOKEN: plex.token } })
    expect((await cli('refresh', 'Movies')).status).toBe(0)

    cutMoviesChunk(dataDir)
    const items = await cli('items', 'Movies', '--offset', '40', '--limit', '3', '--json')
    expect(items.status).toBe(0)
    expect(items.stderr).toMatch(DROPPED)
    expect(items.stderr).not.toMatch(PARSER_WORDS)
    expect(json<{ source: string; total: number }>(items)).toMatchObject({ source: 'plex', total: 300 })

    cutMoviesChunk(dataDir)
    const refresh = await cli('refresh', 'Movies')
    expect(refresh.status).toBe(0)
    expect(refresh.stdout).toMatch(/Movies \(1\): fetched 300 items/)
    expect(refresh.stderr).toMatch(DROPPED)

    // Item 40 in title order lives in chunk 1, the one cut below: finding its file meets the damage.
    const page = json<{ items: Array<{ files: Array<{ path: string }> }> }>(
      await cli('items', 'Movies', '--offset', '40', '--limit', '1', '--json'),
    )
    const file = page.items[0]!.files[0]!.path
    expect((await cli('find', file)).status).toBe(0)
    cutMoviesChunk(dataDir)
    const find = await cli('find', file)
    expect(find.status).toBe(1)
    expect(find.stderr).toMatch(DROPPED)
    expect(find.stderr).toMatch(/no cached item has the file/)
    expect(find.stderr).not.toMatch(PARSER_WORDS)
  }, 60_000)
})
