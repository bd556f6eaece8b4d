import { describe, expect, it } from 'vitest'
import { ServiceError } from '../../../src/main/service'
import { ManualClock } from '../../support/manual-clock'
import { fakePlex, itemPageRequests, openCore } from './support'

const TTL = { libraryTtlSeconds: 60, searchTtlSeconds: 60 }

describe('CacheService when Plex fails: stale-if-error', () => {
  for (const fault of ['maintenance', 'dropped connections'] as const) {
    it(`serves an expired copy as stale during ${fault}, and fresh data after recovery`, async () => {
      const fake = await fakePlex()
      const clock = new ManualClock()
      const { service, cache } = openCore(fake, { clock: clock.now, settings: TTL })
      const original = await service.getLibraryItems({ library: '1', limit: 5 })
      clock.advanceSeconds(120)
      if (fault === 'maintenance') fake.controls.setMaintenance(true)
      else fake.controls.setDropConnections(true)

      const stale = await service.getLibraryItems({ library: '1', limit: 5 })
      expect(stale.source).toBe('stale')
      expect(stale.items).toEqual(original.items)
      expect(stale.error?.code).toBe('UNREACHABLE')
      expect(service.connectionStatus()).toMatchObject({
        state: 'offline',
        lastError: { code: 'UNREACHABLE' },
      })
      expect((await service.listLibraries()).find((row) => row.key === '1')?.state).toBe('stale')
      expect(cache.getLibraryInfo(`${fake.machineIdentifier}:1`)).not.toBeNull()

      fake.controls.reset()
      fake.controls.clearRequestLog()
      const fresh = await service.getLibraryItems({ library: '1', limit: 5 })
      expect(fresh.source).not.toBe('stale')
      expect(fresh.expiresAt).toBeGreaterThan(clock.now())
      // Nothing changed on the server, so the copy was revalidated rather than fetched again.
      expect(itemPageRequests(fake.controls.requestLog())).toEqual([])
      expect(service.connectionStatus().state).toBe('online')
      expect((await service.listLibraries()).find((row) => row.key === '1')?.state).toBe('fresh')
    })
  }

  it('fails with UNREACHABLE when nothing is cached and Plex is down', async () => {
    const fake = await fakePlex()
    const { service } = openCore(fake)
    await service.listLibraries()
    fake.controls.setMaintenance(true)
    await expect(service.getLibraryItems({ library: '1' })).rejects.toMatchObject({
      info: { code: 'UNREACHABLE' },
    })
    const outcome = await service.refreshLibrary({ library: '1' })
    expect(outcome).toMatchObject({ outcome: 'failed', error: { code: 'UNREACHABLE' } })
  })

  it('serves a stale search result while Plex is down', async () => {
    const fake = await fakePlex()
    const clock = new ManualClock()
    const { service } = openCore(fake, { clock: clock.now, settings: TTL })
    const fresh = await service.search({ library: '1', title: 'a' })
    clock.advanceSeconds(120)
    fake.controls.setDropConnections(true)
    const stale = await service.search({ library: '1', title: 'a' })
    expect(stale).toMatchObject({ source: 'stale', error: { code: 'UNREACHABLE' } })
    expect(stale.results).toEqual(fresh.results)
  })
})

describe('CacheService when a library is deleted on the server', () => {
  // Deleted means gone from the section list; a 404 on a listed library keeps the copy (hostile-listings.test.ts).
  it('removes the library from the cache when Plex has deleted it', async () => {
    const fake = await fakePlex()
    const clock = new ManualClock()
    const { service, cache } = openCore(fake, { clock: clock.now, settings: TTL })
    await service.getLibraryItems({ library: '1' })
    await service.search({ library: '1', title: 'a' })
    const key = `${fake.machineIdentifier}:1`
    expect(cache.getLibraryInfo(key)).not.toBeNull()
    fake.controls.removeSection('1')
    const outcome = await service.refreshLibrary({ library: 'Movies' })
    expect(outcome).toMatchObject({ key: '1', outcome: 'failed', error: { code: 'NOT_FOUND' } })
    expect(cache.getLibraryInfo(key)).toBeNull()
    expect(cache.listEntries().filter((entry) => entry.library === key)).toEqual([])
    expect((await service.listLibraries()).find((row) => row.key === '1')).toBeUndefined()
  })

  it('removes an expired library on read when Plex has deleted it, and reports NOT_FOUND', async () => {
    const fake = await fakePlex()
    const clock = new ManualClock()
    const { service, cache } = openCore(fake, { clock: clock.now, settings: TTL })
    await service.getLibraryItems({ library: '1' })
    clock.advanceSeconds(120)
    fake.controls.removeSection('1')
    await expect(service.getLibraryItems({ library: '1' })).rejects.toMatchObject({
      info: { code: 'NOT_FOUND' },
    })
    expect(cache.getLibraryInfo(`${fake.machineIdentifier}:1`)).toBeNull()
  })
})

describe('CacheService.testConnection', () => {
  it('reports the server name, version, machine id and library count', async () => {
    const fake = await fakePlex({ friendlyName: 'Basement' })
    const { service } = openCore(undefined)
    expect(await service.testConnection({ url: fake.url, token: fake.token })).toEqual({
      friendlyName: 'Basement',
      version: expect.any(String),
      machineIdentifier: fake.machineIdentifier,
      libraryCount: 4,
    })
  })

  it('reports a wrong token as AUTH without the token in the message', async () => {
    const fake = await fakePlex()
    const { service } = openCore(undefined)
    const token = 'not-the-token-5b1f0e'
    const error = await service.testConnection({ url: fake.url, token }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ServiceError)
    expect((error as ServiceError).info.code).toBe('AUTH')
    expect(JSON.stringify((error as ServiceError).info)).not.toContain(token)
    expect(String((error as ServiceError).stack)).not.toContain(token)
  })

  it('reports a closed port as UNREACHABLE', async () => {
    const fake = await fakePlex()
    const url = fake.url
    await fake.close()
    const { service } = openCore(undefined)
    await expect(service.testConnection({ url, token: 'any' })).rejects.toMatchObject({
      info: { code: 'UNREACHABLE' },
    })
  })

  it('reports a malformed URL as INVALID_ARGUMENT', async () => {
    const { service } = openCore(undefined)
    await expect(service.testConnection({ url: 'ftp://nowhere', token: 'x' })).rejects.toMatchObject({
      info: { code: 'INVALID_ARGUMENT' },
    })
  })
})
