import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { fakePlex } from '../../support/fake-plex'
import { tempDir } from '../../support/temp-dir'
import { json, runCli } from '../cli/run-cli'
import { openCore, settingsFor, fakePlex as serviceFakePlex } from '../service/support'

/** Far below what 120 movies take, far above what a couple of shows take. */
const SMALL_LIMIT = 20_000

describe('a library larger than the whole size limit, through the service', () => {
  it('is a failed refresh naming what it needs and the limit, and its row says so until it fits', async () => {
    const fake = await serviceFakePlex()
    const { service } = openCore(fake, { settings: { sizeLimitBytes: SMALL_LIMIT } })

    const outcome = await service.refreshLibrary({ library: '1' })
    expect(outcome).toMatchObject({
      key: '1',
      outcome: 'failed',
      tooLarge: { neededBytes: expect.any(Number), limitBytes: SMALL_LIMIT },
      error: { code: 'TOO_LARGE' },
    })
    expect(outcome.tooLarge!.neededBytes).toBeGreaterThan(SMALL_LIMIT)
    expect(outcome.error?.message).toMatch(
      /^Movies needs \d+ KB but the size limit is 20 KB, so it was not cached/,
    )

    const rows = await service.listLibraries()
    const movies = rows.find((row) => row.key === '1')!
    expect(movies).toMatchObject({ state: 'missing', cached: false, tooLarge: outcome.tooLarge })
    expect(rows.filter((row) => row.tooLarge).map((row) => row.key)).toEqual(['1'])

    // refreshAll says the same for it, and only for it.
    const all = await service.refreshAll()
    expect(all.filter((one) => one.outcome === 'failed').map((one) => one.error?.code)).toEqual(['TOO_LARGE'])

    // Once the limit can hold it, the note goes at once, and the next refresh stores it.
    service.updateSettings(settingsFor(fake, { sizeLimitBytes: 10 * 1024 * 1024 }))
    expect((await service.listLibraries()).find((row) => row.key === '1')?.tooLarge).toBeUndefined()
    expect(await service.refreshLibrary({ library: '1' })).toMatchObject({
      outcome: 'fetched',
      itemCount: 120,
    })
    expect((await service.listLibraries()).find((row) => row.key === '1')).toMatchObject({ cached: true })
  })
})

describe('a library larger than the whole size limit, through the CLI', () => {
  it('makes refresh exit 1 with one line naming the size it needs and the limit saved in Settings', async () => {
    const plex = await fakePlex({ dataset: { movies: 6_000, shows: 1, artists: 1, photos: 0 } })
    const dataDir = tempDir()
    // The size limit as the window saves it; the smallest Settings allows.
    fs.writeFileSync(
      path.join(dataDir, 'settings.json'),
      JSON.stringify({ version: 1, sizeLimitBytes: 1024 * 1024 }),
    )
    const cli = (...args: string[]) =>
      runCli([...args, '--data-dir', dataDir], { env: { PLEX_URL: plex.url, PLEX_TOKEN: plex.token } })

    const refresh = await cli('refresh', 'Movies')
    expect(refresh.status).toBe(1)
    const reasons = refresh.stderr.split('\n').filter((line) => line.startsWith('plex-cache:'))
    expect(reasons).toEqual([
      expect.stringMatching(
        /^plex-cache: could not refresh Movies: Movies needs \d\.\d MB but the size limit is 1\.0 MB, so it was not cached; raise the size limit in Settings\.$/,
      ),
    ])

    const asJson = await cli('refresh', 'Movies', '--json')
    expect(asJson.status).toBe(1)
    expect(json<Array<{ outcome: string; tooLarge: { limitBytes: number } }>>(asJson)).toEqual([
      expect.objectContaining({
        outcome: 'failed',
        tooLarge: expect.objectContaining({ limitBytes: 1024 * 1024 }),
      }),
    ])

    const table = await cli('libraries')
    expect(table.stdout).toMatch(/^1\s+Movies\s+movie\s+too large \(needs \d\.\d MB, limit 1\.0 MB\)/m)

    const libraries = json<Array<{ title: string; tooLarge?: { neededBytes: number } }>>(
      await cli('libraries', '--json'),
    )
    expect(libraries.find((row) => row.title === 'Movies')?.tooLarge?.neededBytes).toBeGreaterThan(
      1024 * 1024,
    )
  }, 60_000)
})
