import http from 'node:http'
import { describe, expect, it } from 'vitest'
import { childrenNamed, parseXml } from '../fake-plex/support'
import { ManualClock } from '../../support/manual-clock'
import { SHARED, proxySetup, upstreamItemRequests } from './support'

const UNAUTHORIZED =
  '<html><head><title>Unauthorized</title></head><body><h1>401 Unauthorized</h1></body></html>'

describe('proxy: access control', () => {
  it('needs a token, and answers a missing or wrong one with Plex 401 body', async () => {
    const setup = await proxySetup()
    for (const token of [null, 'wrong-token']) {
      const response = await setup.get('/library/sections/1/all', { token })
      expect(response.status).toBe(401)
      expect(await response.text()).toBe(UNAUTHORIZED)
    }
    expect((await setup.get('/identity', { token: null })).status).toBe(200)
  })

  it("a shared user's token sees only its sections; the others go to Plex, which refuses them", async () => {
    const setup = await proxySetup()
    const sections = parseXml(await (await setup.get('/library/sections', { token: SHARED.token })).text())
    expect(childrenNamed(sections, 'Directory').map((d) => d.attrs.key)).toEqual(SHARED.sections)
    expect((await setup.get('/library/sections/1/all', { token: SHARED.token })).status).toBe(200)
    // The owner filled the cache for section 2; the shared token still gets nothing of it.
    expect((await setup.get('/library/sections/2/all?type=4')).status).toBe(200)
    const hidden = await setup.get('/library/sections/2/all?type=4', { token: SHARED.token })
    expect(hidden.status).toBe(401)
    expect(await hidden.text()).toBe(UNAUTHORIZED)
  })
})

describe('proxy: pass-through', () => {
  it('passes metadata through with the client token only, keeping headers and streaming the body', async () => {
    const setup = await proxySetup()
    const listing = parseXml(
      await (await setup.get('/library/sections/1/all', { token: SHARED.token })).text(),
    )
    const ratingKey = childrenNamed(listing, 'Video')[0]!.attrs.ratingKey!
    setup.fake.controls.clearRequestLog()
    const response = await setup.get(`/library/metadata/${ratingKey}`, { token: SHARED.token })
    expect(response.status).toBe(200)
    expect(response.headers.get('x-plex-protocol')).toBe('1.0')
    expect(response.headers.get('content-type')).toBe('text/xml;charset=utf-8')
    const item = childrenNamed(parseXml(await response.text()), 'Video')[0]!
    // The full item, which the listing left partial: python-plexapi reloads exactly this way.
    expect(item.attrs.summary).toBeDefined()
    expect(listing.children[0]!.attrs.summary).toBeUndefined()
    const log = setup.fake.controls.requestLog()
    expect(log.map((entry) => [entry.path, entry.tokenHolder])).toEqual([
      [`/library/metadata/${ratingKey}`, 'alice'],
    ])
  })

  it('passes a write (PUT) and a listing the cache cannot answer exactly through to Plex', async () => {
    const setup = await proxySetup()
    const listing = parseXml(await (await setup.get('/library/sections/1/all')).text())
    const ratingKey = childrenNamed(listing, 'Video')[0]!.attrs.ratingKey!
    setup.fake.controls.clearRequestLog()
    const edit = await fetch(`${setup.proxy.url}/library/metadata/${ratingKey}?title.value=Edited`, {
      method: 'PUT',
      headers: { 'X-Plex-Token': setup.fake.token },
    })
    expect(edit.status).toBe(200)
    const sorted = await setup.get('/library/sections/1/all?sort=addedAt:desc')
    expect(sorted.status).toBe(200)
    const filtered = await setup.get('/library/sections/1/all?year=2001')
    expect(filtered.status).toBe(200)
    const shows = await setup.get('/library/sections/2/all')
    expect(childrenNamed(parseXml(await shows.text()), 'Directory').length).toBeGreaterThan(0)
    expect(
      setup.fake.controls.requestLog().map((entry) => `${entry.method} ${entry.path} ${entry.tokenHolder}`),
    ).toEqual([
      `PUT /library/metadata/${ratingKey} owner`,
      'GET /library/sections/1/all owner',
      'GET /library/sections/1/all owner',
      'GET /library/sections/2/all owner',
    ])
  })

  it('offline: a validated token keeps its listings (stale), a passed-through request gets 503, a new token 503', async () => {
    const clock = new ManualClock()
    const setup = await proxySetup({}, clock.now)
    expect((await setup.get('/library/sections/1/all', { token: SHARED.token })).status).toBe(200)
    await setup.fake.close()
    // Past the library TTL: the listing and the token's sections have both expired.
    clock.advanceSeconds(setup.core.service.settings.libraryTtlSeconds + 60)
    const stale = await setup.get(
      '/library/sections/1/all?X-Plex-Container-Start=0&X-Plex-Container-Size=5',
      {
        token: SHARED.token,
      },
    )
    expect(stale.status).toBe(200)
    expect(childrenNamed(parseXml(await stale.text()), 'Video')).toHaveLength(5)
    const passed = await setup.get('/library/metadata/1', { token: SHARED.token })
    expect(passed.status).toBe(503)
    expect(await passed.text()).toMatch(/^<Response code="503"/)
    expect((await setup.get('/library/sections/1/all', { token: 'never-seen' })).status).toBe(503)
    expect(setup.core.service.stats().byConsumer['Proxy Test']).toMatchObject({ stale: 1, passedThrough: 1 })
    const recent = setup.core.service.recentReads()
    expect(recent[0]).toMatchObject({ kind: 'plex', query: 'GET /library/metadata/1', outcome: 'failed' })
    expect(recent[1]).toMatchObject({ kind: 'library', outcome: 'stale' })
  })

  it('counts each tool as its own consumer: hits, misses, passed-through requests and bytes', async () => {
    const setup = await proxySetup()
    const asTool = { headers: { 'X-Plex-Product': 'Stash2Plex' } }
    await setup.get('/library/sections/1/all', asTool)
    await setup.get('/library/sections/1/all', asTool)
    await setup.get(`/library/metadata/1?includeChildren=1&X-Plex-Token=${setup.fake.token}`, asTool)
    const before = upstreamItemRequests(setup.fake)
    await setup.get('/library/sections/1/all?X-Plex-Container-Size=10&X-Plex-Container-Start=0', {
      headers: { 'User-Agent': 'PlexAPI/4.15', 'X-Plex-Product': '' },
    })
    expect(upstreamItemRequests(setup.fake)).toBe(before)
    const { byConsumer } = setup.core.service.stats()
    expect(byConsumer.Stash2Plex).toMatchObject({ hits: 1, misses: 1, passedThrough: 1, stale: 0 })
    expect(byConsumer.Stash2Plex!.bytesServed).toBeGreaterThan(0)
    expect(byConsumer.Stash2Plex!.plexRequestsAvoided).toBeGreaterThan(0)
    expect(byConsumer['PlexAPI/4.15']).toMatchObject({ hits: 1, misses: 0 })
    const recent = setup.core.service.recentReads()
    expect(recent[0]).toMatchObject({ consumer: 'PlexAPI/4.15', outcome: 'hit' })
    // The passed-through request is listed by its method and path, never its query.
    expect(recent[1]).toMatchObject({
      consumer: 'Stash2Plex',
      kind: 'plex',
      query: 'GET /library/metadata/1',
      outcome: 'passed',
      items: null,
    })
    expect(JSON.stringify(recent)).not.toContain(setup.fake.token)
  })

  it('counts a listing longer than one service read as one read of the tool, not one per chunk', async () => {
    // More movies than the proxy reads from the service at once (10,000), so it reads in chunks.
    const setup = await proxySetup({ dataset: { movies: 10_500, shows: 0, artists: 0, photos: 0 } })
    const asTool = { headers: { 'X-Plex-Product': 'Chunked Tool' } }
    const cold = await setup.get('/library/sections/1/all', asTool)
    expect(childrenNamed(parseXml(await cold.text()), 'Video')).toHaveLength(10_500)
    const warm = await setup.get('/library/sections/1/all', asTool)
    expect(childrenNamed(parseXml(await warm.text()), 'Video')).toHaveLength(10_500)
    expect(setup.core.service.stats().byConsumer['Chunked Tool']).toMatchObject({ hits: 1, misses: 1 })
    const reads = setup.core.service.recentReads().filter((read) => read.consumer === 'Chunked Tool')
    expect(reads.map((read) => read.outcome)).toEqual(['hit', 'miss'])
  }, 60_000)
})

describe('proxy: hop-by-hop headers', () => {
  it('does not forward the headers a Connection header names, which belong to that connection', async () => {
    const setup = await proxySetup()
    setup.fake.controls.clearRequestLog()
    const status = await new Promise<number>((resolve, reject) => {
      http
        .get(
          `${setup.proxy.url}/identity`,
          {
            headers: {
              'X-Plex-Token': setup.fake.token,
              'X-Plex-Product': 'Only For This Hop',
              'X-Plex-Client-Identifier': 'tool-1',
              Connection: 'keep-alive, X-Plex-Product',
            },
          },
          (res) => {
            res.resume()
            res.on('end', () => resolve(res.statusCode ?? 0))
          },
        )
        .on('error', reject)
    })
    expect(status).toBe(200)
    const [logged] = setup.fake.controls.requestLog()
    expect(logged?.plexHeaders['X-Plex-Client-Identifier']).toBe('tool-1')
    expect(logged?.plexHeaders['X-Plex-Product']).toBeUndefined()
  })
})
