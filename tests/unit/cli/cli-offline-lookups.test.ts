import { describe, expect, it } from 'vitest'
import { createCore } from '../../../src/main/core'
import { DEFAULT_SETTINGS, type FileMatchRow, type SearchResult } from '../../../src/main/service'
import { fakePlex } from '../../support/fake-plex'
import { tempDir } from '../../support/temp-dir'
import { json, runCli } from './run-cli'

const TOKEN = 'cli-offline-secret-token'
const STALE_WARNING = /^plex-cache: warning: serving a stale copy \(cached 2h 00m ago\) [^\n]+\n$/

/** Issue 11, point 2: find and search answer from the kept copy while Plex is down, and say so. */
describe('plex-cache find and search while Plex is down and the copy has expired', () => {
  it('answer from the stale copy with exit 0, a warning on stderr and source and age in --json', async () => {
    const plex = await fakePlex({ token: TOKEN, dataset: { movies: 30, shows: 1, artists: 1, photos: 2 } })
    const dataDir = tempDir()
    // Cached two hours ago by another process (the app), so its hour-long TTL is over.
    const cachedAt = Date.now() - 2 * 3600_000
    const past = createCore({
      dataDir,
      fetch: globalThis.fetch,
      clock: () => cachedAt,
      settings: { ...DEFAULT_SETTINGS, serverUrl: plex.url, token: TOKEN, keepWarm: false },
    })
    const page = await past.service.getLibraryItems({ library: 'Movies', limit: 5 })
    await past.close()
    const item = page.items.find((candidate) => candidate.files.length > 0)
    const path = item?.files[0]?.path ?? ''
    const env = { PLEX_URL: plex.url, PLEX_TOKEN: TOKEN }
    plex.controls.setMaintenance(true)

    const found = await runCli(['find', path, '--data-dir', dataDir], { env })
    expect(found.status).toBe(0)
    expect(found.stdout).toContain(`Movies: ${item?.title}`)
    expect(found.stderr).toMatch(STALE_WARNING)

    const foundJson = await runCli(['find', path, '--json', '--data-dir', dataDir], { env })
    expect(json<FileMatchRow[]>(foundJson)).toMatchObject([
      { source: 'stale', fetchedAt: cachedAt, item: { ratingKey: item?.ratingKey } },
    ])

    const searched = await runCli(['search', 'movies', item?.title ?? '', '--json', '--data-dir', dataDir], {
      env,
    })
    expect(searched.status).toBe(0)
    expect(searched.stderr).toMatch(STALE_WARNING)
    const result = json<SearchResult>(searched)
    expect(result).toMatchObject({ source: 'stale', fetchedAt: cachedAt })
    expect(result.results.map((found) => found.ratingKey)).toContain(item?.ratingKey)

    // The expired copies are still cached: stats counts them (it asks Plex nothing, so "expired").
    const stats = await runCli(['stats', '--data-dir', dataDir], { env })
    expect(stats.stdout).toMatch(/^Entries +(\d+) \(0 fresh, 0 stale, \1 expired\)$/m)
    const entries = json<{ entries: number }>(
      await runCli(['stats', '--json', '--data-dir', dataDir], { env }),
    )
    expect(entries.entries).toBeGreaterThanOrEqual(1)
  })
})
