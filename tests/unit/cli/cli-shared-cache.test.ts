import { setTimeout as sleep } from 'node:timers/promises'
import { beforeEach, describe, expect, it } from 'vitest'
import { createCore } from '../../../src/main/core'
import { DEFAULT_SETTINGS } from '../../../src/main/service'
import type { FakePlexServer } from '../../../src/fake-plex'
import { fakePlex } from '../../support/fake-plex'
import { tempDir } from '../../support/temp-dir'
import { json, runCli } from './run-cli'

const TOKEN = 'cli-shared-secret-token'
const MOVIES = 400

let plex: FakePlexServer

beforeEach(async () => {
  plex = await fakePlex({ token: TOKEN, dataset: { movies: MOVIES, shows: 2, artists: 1, photos: 2 } })
})

describe('the desktop app and the CLI on one cache file', () => {
  it('both read and write at the same time without locking errors or torn libraries', async () => {
    const dataDir = tempDir()
    const env = { PLEX_URL: plex.url, PLEX_TOKEN: TOKEN }
    const cli = (...args: string[]) => runCli([...args, '--data-dir', dataDir], { env })
    expect((await cli('refresh', 'Movies')).status).toBe(0)

    // The "GUI": a core of its own on the same folder, reading in a loop as the window would.
    const gui = await createCore({
      dataDir,
      fetch: globalThis.fetch,
      settings: { ...DEFAULT_SETTINGS, serverUrl: plex.url, token: TOKEN, keepWarm: false },
    })
    const totals = new Set<number>()
    const errors: unknown[] = []
    let reads = 0
    let reading = true
    const guiLoop = (async () => {
      while (reading) {
        try {
          const page = await gui.service.getLibraryItems({ library: '1', limit: 20 })
          totals.add(page.total)
          expect(page.items).toHaveLength(20)
          await gui.service.listLibraries()
          await gui.service.stats()
          reads++
        } catch (error) {
          errors.push(error)
        }
        await sleep(2)
      }
    })()

    try {
      plex.controls.addItem('1', { title: 'Added While Reading', year: 2024 })
      // Both sides write too: the app refetches Movies while the CLI refetches everything.
      const [forced, page, stats, guiRefresh] = await Promise.all([
        cli('refresh', '--force', '--json'),
        cli('items', 'movies', '--limit', '5', '--json'),
        cli('stats', '--json'),
        gui.service.refreshLibrary({ library: 'Movies', force: true }),
      ])
      expect(guiRefresh).toMatchObject({ outcome: 'fetched', itemCount: MOVIES + 1 })
      for (const run of [forced, page, stats]) {
        expect(run.stderr).not.toMatch(/locked|busy/i)
        expect(run.status).toBe(0)
      }
      expect(json<Array<{ outcome: string }>>(forced).map((outcome) => outcome.outcome)).toEqual(
        Array(4).fill('fetched'),
      )
      expect(json<{ total: number }>(page).total).toBeOneOf([MOVIES, MOVIES + 1])
      const revalidated = await cli('refresh', 'Movies', '--json')
      expect(json<Array<{ outcome: string; itemCount: number }>>(revalidated)).toMatchObject([
        { outcome: 'revalidated', itemCount: MOVIES + 1 },
      ])
    } finally {
      reading = false
      await guiLoop
    }

    expect(errors).toEqual([])
    expect(reads).toBeGreaterThan(5)
    // Every read saw a whole library: the one before the forced refresh or the one after it.
    expect([...totals].every((total) => total === MOVIES || total === MOVIES + 1)).toBe(true)
    const after = await gui.service.getLibraryItems({ library: 'Movies', filter: 'Added While Reading' })
    expect(after).toMatchObject({ source: 'cache', total: 1 })
    await gui.close()
  })
})
