import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { databasePath } from '../../../src/main/cache'
import { fakePlex } from '../../support/fake-plex'
import { tempDir } from '../../support/temp-dir'
import { json, runCli } from '../cli/run-cli'

const DATASET = { movies: 300, shows: 1, seasonsPerShow: 1, episodesPerSeason: 2, artists: 1, photos: 0 }

describe('a cache hit while another process holds the write lock', () => {
  it('is served by the CLI at once, neither waiting for the lock nor failing with "database is locked"', async () => {
    const plex = await fakePlex({ dataset: DATASET })
    const dataDir = tempDir()
    const cli = (...args: string[]) =>
      runCli([...args, '--data-dir', dataDir], { env: { PLEX_URL: plex.url, PLEX_TOKEN: plex.token } })
    expect((await cli('refresh', 'Movies')).status).toBe(0)

    // This test process plays the other process: a long write (a big refresh, a migration) under way.
    const other = new Database(databasePath(dataDir))
    other.exec('BEGIN IMMEDIATE')
    try {
      const started = Date.now()
      const items = await cli('items', 'Movies', '--limit', '3', '--json')
      const elapsed = Date.now() - started
      expect(items.stderr).toBe('')
      expect(items.status).toBe(0)
      expect(json<{ source: string; total: number }>(items)).toMatchObject({ source: 'cache', total: 300 })
      // The busy timeout is 15 s; a run that queued behind the lock even once would take that long.
      expect(elapsed).toBeLessThan(10_000)
    } finally {
      other.exec('ROLLBACK')
      other.close()
    }
  }, 60_000)
})
