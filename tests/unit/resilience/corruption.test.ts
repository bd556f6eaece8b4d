import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { databasePath } from '../../../src/main/cache'
import { fakePlex } from '../../support/fake-plex'
import { tempDir } from '../../support/temp-dir'
import { openController } from '../app/support'
import { json, runCli } from '../cli/run-cli'

const DATASET = { movies: 1_500, shows: 2, seasonsPerShow: 1, episodesPerSeason: 3, artists: 1, photos: 0 }

/** Two kinds of damage to a closed, healthy cache file. */
const DAMAGE: Record<string, (file: string) => void> = {
  truncated: (file) => {
    const whole = fs.readFileSync(file)
    fs.writeFileSync(file, whole.subarray(0, Math.floor(whole.length / 3)))
  },
  'overwritten with garbage': (file) => {
    // The SQLite header survives, so only a check of the pages (not the open itself) can notice.
    const bytes = fs.readFileSync(file)
    for (let offset = 16_384; offset < bytes.length; offset += 5) bytes[offset] = (offset * 131) & 0xff
    fs.writeFileSync(file, bytes)
  },
}

function movedAside(dataDir: string): string[] {
  return fs.readdirSync(path.dirname(databasePath(dataDir))).filter((name) => /\.corrupt-/.test(name))
}

function damage(dataDir: string, how: string): void {
  const file = databasePath(dataDir)
  // A clean close checkpoints the WAL into the file: the damage hits everything the cache holds.
  expect(fs.existsSync(`${file}-wal`)).toBe(false)
  DAMAGE[how]!(file)
}

describe.each(Object.keys(DAMAGE))('a cache file %s', (how) => {
  it('is moved aside and rebuilt by the app, which tells the user with a notice and keeps working', async () => {
    const plex = await fakePlex({ dataset: DATASET })
    const first = await openController()
    await first.controller.run('setSettings', { serverUrl: plex.url, token: plex.token })
    await first.controller.run('refreshAll', undefined)
    await first.controller.close()
    damage(first.dataDir, how)

    const { controller, events } = await openController({ dataDir: first.dataDir })
    expect(events.filter((message) => message.event === 'notice')).toEqual([
      {
        event: 'notice',
        payload: {
          level: 'warning',
          message: expect.stringMatching(/damaged.*plex-cache\.sqlite\.corrupt-/),
        },
      },
    ])
    expect(movedAside(first.dataDir)).toHaveLength(1)
    // The settings live outside the cache: the app still knows its server and refreshes into a fresh file.
    const outcomes = await controller.run('refreshAll', undefined)
    expect(outcomes.map((outcome) => outcome.outcome)).toEqual(Array(4).fill('fetched'))
    const page = await controller.run('getLibraryItems', { library: '1', limit: 10 })
    expect(page).toMatchObject({ source: 'cache', total: DATASET.movies })
  })

  it('is moved aside and rebuilt by the CLI, which says so on stderr and exits 0', async () => {
    const plex = await fakePlex({ dataset: DATASET })
    const dataDir = tempDir()
    const cli = (...args: string[]) =>
      runCli([...args, '--data-dir', dataDir], { env: { PLEX_URL: plex.url, PLEX_TOKEN: plex.token } })
    expect((await cli('refresh', 'Movies')).status).toBe(0)
    damage(dataDir, how)

    const items = await cli('items', 'Movies', '--limit', '3', '--json')
    expect(items.stderr).toMatch(/warning: the cache file was damaged and has been moved to .*\.corrupt-/)
    expect(items.status).toBe(0)
    expect(json<{ source: string; total: number }>(items)).toMatchObject({
      source: 'plex',
      total: DATASET.movies,
    })
    expect(movedAside(dataDir)).toHaveLength(1)

    // The rebuilt file is healthy: the next run says nothing and serves from it.
    const again = await cli('items', 'Movies', '--limit', '3', '--json')
    expect(again.stderr).not.toMatch(/damaged/)
    expect(json<{ source: string }>(again).source).toBe('cache')
  })
})
