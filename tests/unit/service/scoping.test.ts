import { describe, expect, it } from 'vitest'
import { tempDir } from '../../support/temp-dir'
import { fakePlex, openCore } from './support'

describe('CacheService scoping by server', () => {
  it('never mixes two servers sharing one data directory', async () => {
    const first = await fakePlex({ dataset: { movies: 30, seed: 1 } })
    const second = await fakePlex({ dataset: { movies: 40, seed: 2 } })
    expect(first.machineIdentifier).not.toBe(second.machineIdentifier)
    const dataDir = tempDir()

    const a = openCore(first, { dataDir })
    const fromFirst = await a.service.getLibraryItems({ library: 'Movies', limit: 1000 })
    expect(fromFirst).toMatchObject({ source: 'plex', total: 30 })
    await a.close()

    const b = openCore(second, { dataDir })
    const fromSecond = await b.service.getLibraryItems({ library: 'Movies', limit: 1000 })
    expect(fromSecond).toMatchObject({ source: 'plex', total: 40 })
    // A file only the first server has (both datasets hold a few fixed titles, such as Amélie).
    const secondPaths = new Set(fromSecond.items.flatMap((item) => item.files.map((file) => file.path)))
    const firstFile = fromFirst.items
      .flatMap((item) => item.files.map((file) => file.path))
      .find((path) => !secondPaths.has(path))!
    expect(firstFile).toBeDefined()
    expect(await b.service.findByFile({ nameOrPath: firstFile })).toEqual([])
    expect(Object.keys(b.service.stats().byLibrary)).toEqual(['1'])
    await b.close()

    const again = openCore(first, { dataDir })
    first.controls.clearRequestLog()
    expect(await again.service.getLibraryItems({ library: 'Movies' })).toMatchObject({
      source: 'cache',
      total: 30,
    })
    expect(await again.service.findByFile({ nameOrPath: firstFile })).toHaveLength(1)
    expect(first.controls.requestLog()).toEqual([])
  })

  it('switches servers live when the URL and token change', async () => {
    const first = await fakePlex({ dataset: { movies: 30, seed: 1 } })
    const second = await fakePlex({ dataset: { movies: 40, seed: 2 }, token: 'second-token' })
    const { service } = openCore(first)
    await service.getLibraryItems({ library: '1' })
    service.updateSettings({ serverUrl: second.url, token: second.token })
    expect(await service.getLibraryItems({ library: '1' })).toMatchObject({ source: 'plex', total: 40 })
    service.updateSettings({ serverUrl: first.url, token: first.token })
    expect(await service.getLibraryItems({ library: '1' })).toMatchObject({ source: 'cache', total: 30 })
  })

  it("reads the last server's cache without a server configured, and says NOT_CONFIGURED for the rest", async () => {
    const fake = await fakePlex()
    const dataDir = tempDir()
    const online = openCore(fake, { dataDir })
    await online.service.getLibraryItems({ library: '1' })
    await online.close()

    const offline = openCore(undefined, { dataDir })
    expect(offline.service.connectionStatus().state).toBe('unconfigured')
    expect(await offline.service.getLibraryItems({ library: 'movies' })).toMatchObject({
      source: 'cache',
      total: 120,
    })
    const rows = await offline.service.listLibraries()
    expect(rows.map((row) => [row.key, row.cached])).toEqual([
      ['1', true],
      ['2', false],
      ['3', false],
      ['4', false],
    ])
    await expect(offline.service.getLibraryItems({ library: '2' })).rejects.toMatchObject({
      info: { code: 'NOT_CONFIGURED' },
    })
  })

  it('keeps one client identifier per data directory across runs', async () => {
    const fake = await fakePlex()
    const dataDir = tempDir()
    for (let run = 0; run < 2; run++) {
      const core = openCore(fake, { dataDir, clientIdentifier: undefined })
      await core.service.refreshLibrary({ library: '4', force: true })
      await core.close()
    }
    const identifiers = new Set(
      fake.controls.requestLog().map((entry) => entry.plexHeaders['X-Plex-Client-Identifier']),
    )
    expect(identifiers.size).toBe(1)
    expect([...identifiers][0]).toMatch(/^[0-9a-f-]{36}$/)
  })
})
