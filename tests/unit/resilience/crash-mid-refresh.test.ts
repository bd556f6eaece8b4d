import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import type { FakePlexServer } from '../../../src/fake-plex'
import { databasePath } from '../../../src/main/cache'
import { createCore } from '../../../src/main/core'
import { DEFAULT_SETTINGS } from '../../../src/main/service'
import { fakePlex } from '../../support/fake-plex'
import { tempDir } from '../../support/temp-dir'
import { spawnLineChild } from './fixtures/child-process'
import type { RefreshChildJob } from './fixtures/refresh-child'

const CHILD = path.join(import.meta.dirname, 'fixtures', 'refresh-child.ts')
const MOVIES = 4_000
const RENAMED = 5

function openCore(dataDir: string, plex: FakePlexServer) {
  return createCore({
    dataDir,
    fetch: globalThis.fetch,
    settings: { ...DEFAULT_SETTINGS, serverUrl: plex.url, token: plex.token, keepWarm: false },
  })
}

async function readAllMovies(dataDir: string, plex: FakePlexServer) {
  const core = openCore(dataDir, plex)
  try {
    return await core.service.getLibraryItems({ library: 'Movies', limit: 10_000 })
  } finally {
    await core.close()
  }
}

/** Caches version 1 of the library, then changes it on the server so a refresh would store version 2. */
async function cacheThenChange(dataDir: string, plex: FakePlexServer) {
  const before = await readAllMovies(dataDir, plex)
  expect(before).toMatchObject({ source: 'plex', total: MOVIES })
  for (const item of before.items.slice(0, RENAMED))
    plex.controls.renameItem(item.ratingKey, `Renamed ${item.title}`)
  plex.controls.addItem('1', { title: 'Added After The First Refresh' })
  return before.items.map((item) => item.title)
}

function integrityCheck(dataDir: string): string[] {
  const db = new Database(databasePath(dataDir))
  try {
    return (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map(
      (row) => row.integrity_check,
    )
  } finally {
    db.close()
  }
}

async function expectPreviousCopyServed(dataDir: string, plex: FakePlexServer, titles: string[]) {
  expect(integrityCheck(dataDir)).toEqual(['ok'])
  const after = await readAllMovies(dataDir, plex)
  // Served from the copy cached before the crash (not refetched): the same items, none of version 2.
  expect(after.source).toBeOneOf(['cache', 'stale'])
  expect(after.total).toBe(MOVIES)
  expect(after.items.map((item) => item.title)).toEqual(titles)
  expect(integrityCheck(dataDir)).toEqual(['ok'])
}

function startChild(dataDir: string, plex: FakePlexServer, extra: Partial<RefreshChildJob>) {
  const job: RefreshChildJob = {
    dataDir,
    url: plex.url,
    token: plex.token,
    library: 'Movies',
    pageSize: 100,
    ...extra,
  }
  return spawnLineChild(CHILD, [JSON.stringify(job)])
}

describe('a refresh killed with SIGKILL part way through', () => {
  it('leaves the previous copy intact and served when killed while fetching pages', async () => {
    const plex = await fakePlex({ dataset: { movies: MOVIES, shows: 0, artists: 0, photos: 0 } })
    const dataDir = tempDir()
    const titles = await cacheThenChange(dataDir, plex)
    // 41 pages at 40 ms each: the refresh is certain to be under way, and far from done, when killed.
    plex.controls.setLatency(40)
    const refresh = startChild(dataDir, plex, {})
    await refresh.waitFor<{ progress?: number }>((line) => (line.progress ?? 0) >= 1_000, 15_000)
    refresh.child.kill('SIGKILL')
    expect(await refresh.exited).toMatchObject({ signal: 'SIGKILL' })
    plex.controls.setLatency(0)
    await expectPreviousCopyServed(dataDir, plex, titles)
  }, 20_000)

  it('leaves the previous copy intact and served when killed inside the write transaction', async () => {
    const plex = await fakePlex({ dataset: { movies: MOVIES, shows: 0, artists: 0, photos: 0 } })
    const dataDir = tempDir()
    const titles = await cacheThenChange(dataDir, plex)
    const refresh = startChild(dataDir, plex, { pageSize: 1_000, holdTransactionMs: 10_000 })
    // The new listing is inserted, the old one deleted, nothing committed: the worst moment to die.
    const writing = await refresh.waitFor<{ writing?: number }>((line) => line.writing !== undefined, 15_000)
    expect(writing.writing).toBe(MOVIES + 1)
    refresh.child.kill('SIGKILL')
    expect(await refresh.exited).toMatchObject({ signal: 'SIGKILL' })
    await expectPreviousCopyServed(dataDir, plex, titles)
  }, 20_000)
})
