import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import type { FakePlexServer } from '../../../src/fake-plex'
import { createCore, type Core } from '../../../src/main/core'
import { DEFAULT_SETTINGS, type ItemsResult } from '../../../src/main/service'
import { fakePlex } from '../../support/fake-plex'
import { tempDir } from '../../support/temp-dir'
import { json, runCli } from '../cli/run-cli'

const MOVIES = 2_000
const MARKERS = 8
const CLI_REFRESHES = 3

/**
 * Version v of the library has MOVIES + v items, v of them "Added v…", and every marker item titled
 * "Marker v<v> …". A read that is not exactly one whole version is a torn read.
 */
function versionOf(page: ItemsResult): number {
  const markers = page.items.filter((item) => item.title.startsWith('Marker v'))
  const versions = new Set(markers.map((item) => Number(/^Marker v(\d+) /.exec(item.title)?.[1])))
  const added = page.items.filter((item) => item.title.startsWith('Added v')).length
  const version = versions.size === 1 ? [...versions][0]! : -1
  const whole =
    page.items.length === page.total &&
    markers.length === MARKERS &&
    page.total === MOVIES + version &&
    added === version
  if (!whole) {
    throw new Error(
      `torn read: ${page.items.length} of ${page.total} items, marker versions ${[...versions].join(',')} (${markers.length}), ${added} added`,
    )
  }
  return version
}

function makeVersion(plex: FakePlexServer, version: number, markerKeys: readonly string[]): void {
  markerKeys.forEach((key, index) => plex.controls.renameItem(key, `Marker v${version} ${index}`))
  if (version > 0) plex.controls.addItem('1', { title: `Added v${version}` })
}

/** Reads the whole library over and over, as the window would, until told to stop. */
function readInLoop(core: Core) {
  const versions: number[] = []
  const errors: string[] = []
  let reading = true
  const done = (async () => {
    while (reading) {
      try {
        versions.push(versionOf(await core.service.getLibraryItems({ library: 'Movies', limit: 10_000 })))
        await core.service.findByFile({ nameOrPath: 'no-such-file.mkv' })
        core.service.stats()
      } catch (error) {
        errors.push(String(error))
      }
      await sleep(1)
    }
  })()
  return {
    versions,
    errors,
    stop: async () => {
      reading = false
      await done
    },
  }
}

describe('the CLI refreshing while a service reads the same cache file', () => {
  it('never shows a locked database or a half-written library, and the counts stay consistent', async () => {
    const plex = await fakePlex({ dataset: { movies: MOVIES, shows: 0, artists: 0, photos: 0 } })
    const dataDir = tempDir()
    const core = createCore({
      dataDir,
      fetch: globalThis.fetch,
      settings: { ...DEFAULT_SETTINGS, serverUrl: plex.url, token: plex.token, keepWarm: false },
    })
    const first = await core.service.getLibraryItems({ library: 'Movies', limit: 10_000 })
    const markerKeys = first.items
      .filter((_, index) => index % (MOVIES / MARKERS) === 0)
      .map((i) => i.ratingKey)
    makeVersion(plex, 0, markerKeys)
    // Version 0 with its markers, stored by the service itself; the CLI then writes 1, 2, 3.
    expect(await core.service.refreshLibrary({ library: 'Movies', force: true })).toMatchObject({
      itemCount: MOVIES,
    })
    const reader = readInLoop(core)
    try {
      for (let version = 1; version <= CLI_REFRESHES; version++) {
        makeVersion(plex, version, markerKeys)
        const run = await runCli(['refresh', '--force', 'Movies', '--json', '--data-dir', dataDir], {
          env: { PLEX_URL: plex.url, PLEX_TOKEN: plex.token },
        })
        expect(run.stderr).not.toMatch(/locked|busy/i)
        expect(run.status).toBe(0)
        expect(json<Array<{ outcome: string; itemCount: number }>>(run)).toEqual([
          expect.objectContaining({ outcome: 'fetched', itemCount: MOVIES + version }),
        ])
      }
    } finally {
      await reader.stop()
    }
    expect(reader.errors).toEqual([])
    expect(reader.versions.length).toBeGreaterThan(CLI_REFRESHES)
    // Reads ran across the CLI's writes, not just before or after them.
    expect(new Set(reader.versions).size).toBeGreaterThan(1)
    // Versions only move forward, and the reader saw the CLI's writes as they committed.
    expect(reader.versions).toEqual([...reader.versions].sort((a, b) => a - b))
    expect(versionOf(await core.service.getLibraryItems({ library: 'Movies', limit: 10_000 }))).toBe(
      CLI_REFRESHES,
    )
    const stats = core.service.stats()
    expect(stats.entries).toBe(1)
    expect(stats.evictions).toMatchObject({ size_limit: 0, too_large: 0 })
    await core.close()
  }, 30_000)
})
