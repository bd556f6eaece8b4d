import { describe, expect, it } from 'vitest'
import type { CachedItem } from '../../../src/shared/plex-data'
import { fakePlex } from '../../support/fake-plex'
import { tempDir } from '../../support/temp-dir'
import { json, runCli } from './run-cli'

/** External ids and optimized copies as the CLI shows them, from the fake through the real core. */
describe('plex-cache with what real libraries contain', () => {
  it('puts external ids in --json and tells an optimized copy from the original', async () => {
    const plex = await fakePlex({ dataset: { movies: 40, shows: 0, artists: 0, photos: 0, clips: 0 } })
    const dataDir = tempDir()
    const cli = (...args: string[]) =>
      runCli([...args, '--data-dir', dataDir], { env: { PLEX_URL: plex.url, PLEX_TOKEN: plex.token } })

    const listed = json<{ items: CachedItem[] }>(await cli('items', '1', '--limit', '100', '--json'))
    expect(listed.items).toHaveLength(40)
    const amelie = listed.items.find((item) => item.title === 'Amélie')
    expect(amelie?.externalIds).toEqual({
      imdb: expect.stringMatching(/^tt\d+$/),
      tmdb: expect.stringMatching(/^\d+$/),
    })
    const searched = json<{ results: CachedItem[] }>(await cli('search', '1', 'amélie', '--json'))
    expect(searched.results[0]?.externalIds).toEqual(amelie?.externalIds)

    // One whose copy Plex listed first: the CLI must not follow that order.
    const movie = listed.items.find((item) => item.files[0]?.optimized)!
    expect(movie.files).toHaveLength(2)
    const original = movie.files.find((file) => !file.optimized)!
    const copy = movie.files.find((file) => file.optimized)!
    const name = original.path.split('/').pop()!
    const byName = await cli('find', name)
    expect(byName.status).toBe(0)
    const lines = byName.stdout.trim().split('\n')
    expect(lines).toHaveLength(2)
    expect(lines[0]).toContain(original.path)
    expect(lines[0]).not.toContain('optimized')
    expect(lines[1]).toContain(copy.path)
    expect(lines[1]).toMatch(/\(optimized version of .+ \(\d{4}\), not the original\)$/)

    const byCopy = json<Array<{ file: { path: string; optimized?: boolean } }>>(
      await cli('find', copy.path, '--json'),
    )
    expect(byCopy.map((row) => row.file)).toEqual([{ path: copy.path, size: copy.size, optimized: true }])

    // The items listing shows each item's original file, never the copy, and says how many more.
    const text = await cli('items', '1', '--limit', '100', '--filter', movie.title)
    const line = text.stdout.split('\n').find((candidate) => candidate.includes(`${movie.ratingKey}]`))
    expect(line).toContain(`${original.path} (+1 more files)`)
  })
})
