import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ServiceError } from '../../../src/main/service'
import { fakePlex } from '../../support/fake-plex'
import { openController } from './support'

const DATASET = { movies: 30, shows: 2, seasonsPerShow: 1, episodesPerSeason: 2, artists: 1, photos: 0 }

describe('createAppController', () => {
  it('answers every kind of operation through the service and the settings', async () => {
    const fake = await fakePlex({ dataset: DATASET })
    const { controller, events } = await openController()
    await expect(controller.run('listLibraries', undefined)).rejects.toMatchObject({ code: 'NOT_CONFIGURED' })
    expect((await controller.run('connectionStatus', undefined)).state).toBe('unconfigured')

    const settings = await controller.run('setSettings', {
      serverUrl: fake.url,
      token: fake.token,
      pageSize: 50,
    })
    expect(settings).toMatchObject({
      serverUrl: fake.url,
      tokenSet: true,
      tokenStorage: 'encrypted',
      pageSize: 50,
    })
    expect(events).toContainEqual({ event: 'settings', payload: settings })

    const libraries = await controller.run('listLibraries', undefined)
    expect(libraries.map((row) => row.title)).toEqual(['Movies', 'TV Shows', 'Music', 'Photos'])
    const refreshed = await controller.run('refreshLibrary', { library: '1' })
    expect(refreshed).toMatchObject({ key: '1', itemCount: 30, outcome: 'fetched' })
    const items = await controller.run('getLibraryItems', { library: '1', offset: 5, limit: 10 })
    expect(items).toMatchObject({ source: 'cache', total: 30, offset: 5, limit: 10 })
    expect(items.items).toHaveLength(10)
    const title = items.items[0]!.title
    expect((await controller.run('search', { library: '1', title })).results.length).toBeGreaterThan(0)
    expect(await controller.run('findByFile', { nameOrPath: 'no-such-file.mkv' })).toEqual([])
    expect((await controller.run('refreshAll', undefined)).map((outcome) => outcome.key)).toEqual([
      '1',
      '2',
      '3',
      '4',
    ])
    // The window's reads are inspection: counted, but never as hits.
    expect(await controller.run('stats', undefined)).toMatchObject({ hits: 0, inspectionReads: 3 })
    expect(await controller.run('statsHistory', { range: 'hour' })).toEqual(expect.any(Array))
    expect(await controller.run('clearLibrary', { library: '1' })).toEqual({ removed: expect.any(Number) })
    expect(await controller.run('clear', undefined)).toBeNull()
    expect(await controller.run('resetStats', undefined)).toBeNull()
    expect((await controller.run('stats', undefined)).hits).toBe(0)
    expect(await controller.run('testConnection', { url: fake.url, token: fake.token })).toMatchObject({
      machineIdentifier: fake.machineIdentifier,
      libraryCount: 4,
    })
    expect(await controller.run('getSettings', undefined)).toEqual(settings)

    const names = new Set(events.map((message) => message.event))
    for (const name of ['settings', 'changed', 'progress', 'stats', 'connection'] as const)
      expect(names).toContain(name)
  })

  it('applies new TTLs and size limits live, and saves them', async () => {
    const fake = await fakePlex({ dataset: DATASET })
    const { controller, dataDir } = await openController()
    await controller.run('setSettings', { serverUrl: fake.url, token: fake.token })
    await controller.run('refreshLibrary', { library: '1' })
    const before = await controller.run('getLibraryItems', { library: '1' })

    await controller.run('setSettings', { libraryTtlSeconds: 120, sizeLimitBytes: 2 * 1024 * 1024 })
    expect((await controller.run('stats', undefined)).sizeLimitBytes).toBe(2 * 1024 * 1024)
    await controller.run('refreshLibrary', { library: '1', force: true })
    const after = await controller.run('getLibraryItems', { library: '1' })
    expect(after.expiresAt - after.fetchedAt).toBe(120_000)
    expect(before.expiresAt - before.fetchedAt).toBe(3_600_000)

    const saved = JSON.parse(fs.readFileSync(path.join(dataDir, 'settings.json'), 'utf8'))
    expect(saved).toMatchObject({ libraryTtlSeconds: 120, sizeLimitBytes: 2 * 1024 * 1024 })
  })

  it('refuses invalid settings with INVALID_ARGUMENT, changing nothing', async () => {
    const { controller, events } = await openController()
    await expect(controller.run('setSettings', { libraryTtlSeconds: 1 })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    })
    expect((await controller.run('getSettings', undefined)).libraryTtlSeconds).toBe(3600)
    expect(events.filter((message) => message.event === 'settings')).toEqual([])
  })

  it('reports Plex failures as ServiceErrors', async () => {
    const fake = await fakePlex({ dataset: DATASET })
    const { controller } = await openController()
    await controller.run('setSettings', { serverUrl: fake.url, token: 'wrong-token' })
    const failure = await controller.run('listLibraries', undefined).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(ServiceError)
    expect((failure as ServiceError).code).toBe('AUTH')
  })

  it('turns a damaged cache file into a notice for the first listener', async () => {
    const { dataDir } = await openController()
    // A fresh folder whose cache file is garbage.
    const damagedDir = path.join(dataDir, 'second')
    fs.mkdirSync(path.join(damagedDir, 'cache'), { recursive: true })
    fs.writeFileSync(
      path.join(damagedDir, 'cache', 'plex-cache.sqlite'),
      'this is not a database'.repeat(100),
    )
    const { events } = await openController({ dataDir: damagedDir })
    expect(events).toContainEqual({
      event: 'notice',
      payload: { level: 'warning', message: expect.stringContaining('damaged') },
    })
  })

  it('tells the first listener when the token can only be kept for the session', async () => {
    const { controller, events } = await openController({ vault: null })
    const settings = await controller.run('setSettings', { token: 'session-token-1' })
    expect(settings.tokenStorage).toBe('session')
    expect(events).toContainEqual({
      event: 'notice',
      payload: { level: 'warning', message: expect.stringContaining('only until Plex Cache quits') },
    })
  })
})
