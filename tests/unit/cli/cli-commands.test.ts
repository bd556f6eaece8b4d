import { beforeEach, describe, expect, it } from 'vitest'
import type { FakePlexServer } from '../../../src/fake-plex'
import { fakePlex } from '../../support/fake-plex'
import { tempDir } from '../../support/temp-dir'
import { json, runCli, type CliRun } from './run-cli'

const TOKEN = 'cli-commands-secret-token'
const MOVIES = 120
const AMELIE = { ratingKey: '1001', file: '/data/Movies/Amélie (2001)/Amélie (2001).mkv' }

let plex: FakePlexServer
let dataDir: string

beforeEach(async () => {
  plex = await fakePlex({
    token: TOKEN,
    dataset: { movies: MOVIES, shows: 2, seasonsPerShow: 1, episodesPerSeason: 3, artists: 1, photos: 3 },
  })
  dataDir = tempDir()
})

/** The CLI on this test's data folder and the fake server; the token comes from the environment. */
async function cli(...args: string[]): Promise<CliRun> {
  const run = await runCli([...args, '--data-dir', dataDir], {
    env: { PLEX_URL: plex.url, PLEX_TOKEN: TOKEN },
  })
  expect(run.stdout + run.stderr).not.toContain(TOKEN)
  return run
}

interface Outcome {
  key: string
  title: string
  itemCount: number
  outcome: string
  ms: number
}

describe('plex-cache commands against a fake Plex server', () => {
  it('refreshes every library, then only revalidates them, then refetches when forced', async () => {
    const first = await cli('refresh', '--json')
    expect(first.status).toBe(0)
    const outcomes = json<Outcome[]>(first)
    expect(outcomes.map(({ key, title, outcome }) => ({ key, title, outcome }))).toEqual([
      { key: '1', title: 'Movies', outcome: 'fetched' },
      { key: '2', title: 'TV Shows', outcome: 'fetched' },
      { key: '3', title: 'Music', outcome: 'fetched' },
      { key: '4', title: 'Photos', outcome: 'fetched' },
    ])
    expect(outcomes[0]).toMatchObject({ itemCount: MOVIES, ms: expect.any(Number) })
    // Not a terminal: plain progress lines on stderr, never on stdout.
    expect(first.stderr).toContain(`${MOVIES}/${MOVIES} items`)

    const second = json<Outcome[]>(await cli('refresh', '--json'))
    expect(second.map((outcome) => outcome.outcome)).toEqual(Array(4).fill('revalidated'))
    expect(second[0]).toMatchObject({ key: '1', itemCount: MOVIES })

    const forced = await cli('refresh', 'MOVIES', '--force')
    expect(forced.status).toBe(0)
    expect(forced.stdout).toMatch(new RegExp(`^Movies \\(1\\): fetched ${MOVIES} items in \\d+ ms$`, 'm'))
  })

  it('lists libraries with their cache state', async () => {
    const before = json<Array<Record<string, unknown>>>(await cli('libraries', '--json'))
    expect(before).toHaveLength(4)
    expect(before[0]).toMatchObject({ key: '1', title: 'Movies', type: 'movie', state: 'missing' })
    await cli('refresh', '1')
    const after = json<Array<Record<string, unknown>>>(await cli('libraries', '--json'))
    for (const field of ['key', 'title', 'type', 'state', 'itemCount', 'bytes', 'fetchedAt', 'expiresAt'])
      expect(after[0]).toHaveProperty(field)
    expect(after[0]).toMatchObject({ state: 'fresh', itemCount: MOVIES, bytes: expect.any(Number) })
    expect(after[0]!.expiresAt as number).toBeGreaterThan(Date.now())
    const table = await cli('libraries')
    expect(table.status).toBe(0)
    expect(table.stdout).toMatch(/^KEY\s+TITLE\s+TYPE\s+STATE/)
    expect(table.stdout).toMatch(new RegExp(`^1\\s+Movies\\s+movie\\s+fresh\\s+${MOVIES}\\s`, 'm'))
  })

  it('reads items through the cache: the second read makes no Plex request', async () => {
    const first = json<{ source: string; total: number; items: unknown[] }>(
      await cli('items', 'movies', '--limit', '5', '--json'),
    )
    expect(first).toMatchObject({ source: 'plex', total: MOVIES })
    expect(first.items).toHaveLength(5)
    expect(first.items[0]).toMatchObject({ ratingKey: expect.any(String), title: expect.any(String) })

    plex.controls.clearRequestLog()
    const second = json<{ source: string; total: number; items: unknown[] }>(
      await cli('items', '1', '--offset', '2', '--limit', '3', '--json'),
    )
    expect(second).toMatchObject({ source: 'cache', total: MOVIES })
    expect(second.items).toEqual(first.items.slice(2, 5))
    expect(plex.controls.requestLog()).toEqual([])

    const filtered = await cli('items', 'Movies', '--filter', 'AMÉLIE')
    expect(filtered.status).toBe(0)
    expect(filtered.stdout).toContain('Movies: items 1-1 of 1 matching "AMÉLIE" (from the cache)')
    expect(filtered.stdout).toContain(`Amélie (2001) [movie ${AMELIE.ratingKey}]  ${AMELIE.file}`)
  })

  it('searches a library by key or title', async () => {
    const result = json<{ source: string; results: Array<{ title: string }> }>(
      await cli('search', 'movies', 'amél', '--json'),
    )
    expect(result.source).toMatch(/^(plex|cache)$/)
    expect(result.results.map((item) => item.title)).toContain('Amélie')
    const text = await cli('search', '1', 'Amélie')
    expect(text.status).toBe(0)
    expect(text.stdout).toMatch(/^\d+ results? for "Amélie" in 1 \(/)
  })

  it('finds the item behind a file by name or full path in cached libraries', async () => {
    await cli('refresh', 'Movies')
    const byPath = json<Array<{ library: { key: string; title: string }; item: { ratingKey: string } }>>(
      await cli('find', AMELIE.file, '--json'),
    )
    expect(byPath).toMatchObject([{ library: { key: '1', title: 'Movies' }, item: { ratingKey: '1001' } }])
    const byName = await cli('find', 'amélie (2001).MKV')
    expect(byName.status).toBe(0)
    expect(byName.stdout).toBe(`Movies: Amélie (2001) [movie 1001]  ${AMELIE.file}\n`)
    const none = await cli('find', 'nothing.mkv')
    expect(none.status).toBe(1)
    expect(none.stderr).toBe(
      'plex-cache: no cached item has the file "nothing.mkv"; only cached libraries are searched (run refresh first).\n',
    )
    expect(json(await cli('find', 'nothing.mkv', '--json'))).toEqual([])
  })

  it('reports statistics, resets them, and clears one library or everything', async () => {
    await cli('items', 'Movies', '--limit', '1')
    await cli('items', 'Movies', '--limit', '1')
    const stats = json<Record<string, number>>(await cli('stats', '--json'))
    for (const field of [
      'hits',
      'misses',
      'hitRate',
      'entries',
      'bytes',
      'plexRequests',
      'plexRequestsAvoided',
    ])
      expect(stats[field]).toEqual(expect.any(Number))
    expect(stats.hits).toBeGreaterThanOrEqual(1)
    expect(stats.plexRequests).toBeGreaterThanOrEqual(1)
    // The first read asked Plex, the second was served: the section list and one page spared.
    expect(stats).toMatchObject({
      inspectionReads: 0,
      byConsumer: {
        cli: {
          hits: 1,
          misses: 1,
          plexRequestsAvoided: 2,
          timeSavedMs: expect.any(Number),
          stale: 0,
          passedThrough: 0,
          bytesServed: expect.any(Number),
        },
      },
    })
    const text = (await cli('stats')).stdout
    expect(text).toMatch(/^Hit rate\s+\d+\.\d% \(\d+ hits, \d+ misses\)$/m)
    expect(text).toMatch(/^By consumer\s+cli: 1 hits, 1 misses, 2 requests avoided, about .+ saved$/m)
    expect(json<Record<string, number>>(await cli('stats', '--reset', '--json'))).toMatchObject({ hits: 0 })

    await cli('refresh', 'TV Shows')
    const clearOne = await cli('clear', 'tv shows')
    expect(clearOne).toMatchObject({
      status: 0,
      stdout: 'Removed 1 cached entry of library "tv shows".\n',
    })
    const states = json<Array<{ title: string; state: string }>>(await cli('libraries', '--json'))
    expect(states.map(({ title, state }) => `${title}:${state}`)).toEqual(
      expect.arrayContaining(['Movies:fresh', 'TV Shows:missing']),
    )
    expect(await cli('clear')).toMatchObject({
      status: 0,
      stdout: 'Removed every cached entry. Statistics are kept.\n',
    })
    expect(json<Record<string, number>>(await cli('stats', '--json')).entries).toBe(0)
  })
})
