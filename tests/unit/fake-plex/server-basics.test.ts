import { describe, expect, it } from 'vitest'
import { childrenNamed, fake, get, getJson, getXml, rawGet } from './support'

const UNAUTHORIZED =
  '<html><head><title>Unauthorized</title></head><body><h1>401 Unauthorized</h1></body></html>'
const NOT_FOUND = '<html><head><title>Not Found</title></head><body><h1>404 Not Found</h1></body></html>'
const MAINTENANCE =
  '<Response code="503" title="Maintenance" status="Plex Media Server is currently running database migrations."/>'

describe('fake Plex: identity, root and transport', () => {
  it('binds loopback only and reports a URL without a trailing slash', async () => {
    const server = await fake()
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(server.machineIdentifier).toMatch(/^[0-9a-f]{40}$/)
    expect(server.token).toBe('fake-plex-token')
  })

  it('serves /identity without a token, in XML and JSON', async () => {
    const server = await fake({ machineIdentifier: 'ab'.repeat(20), version: '1.2.3.4-abc' })
    const response = await get(server, '/identity', { token: null })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/xml;charset=utf-8')
    expect(await response.text()).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        `<MediaContainer size="0" claimed="1" machineIdentifier="${'ab'.repeat(20)}" version="1.2.3.4-abc"/>\n`,
    )
    const json = await getJson(server, '/identity', { token: null })
    expect(json).toEqual({
      size: 0,
      claimed: true,
      machineIdentifier: 'ab'.repeat(20),
      version: '1.2.3.4-abc',
    })
  })

  it('puts X-Plex-Protocol and Cache-Control on every response, errors included', async () => {
    const server = await fake()
    for (const [path, token] of [
      ['/identity', null],
      ['/library/sections', server.token],
      ['/library/sections', 'wrong'],
      ['/nope', server.token],
    ] as const) {
      const response = await get(server, path, { token })
      expect(response.headers.get('x-plex-protocol'), path).toBe('1.0')
      expect(response.headers.get('cache-control'), path).toBe('no-cache')
    }
  })

  it('serves / and /library with their directories', async () => {
    const server = await fake({ friendlyName: 'Den Server' })
    const root = await getXml(server, '/')
    expect(root.attrs).toMatchObject({
      friendlyName: 'Den Server',
      machineIdentifier: server.machineIdentifier,
    })
    expect(root.attrs).toHaveProperty('platform')
    expect(root.attrs).toHaveProperty('myPlexUsername')
    expect(childrenNamed(root, 'Directory').map((d) => d.attrs.key)).toContain('library')
    const library = await getJson(server, '/library')
    expect(library.title1).toBe('Plex Library')
    const keys = (library.Directory as { key: string }[]).map((d) => d.key)
    expect(keys).toEqual(expect.arrayContaining(['sections', 'recentlyAdded', 'onDeck']))
  })

  it('accepts the token as a header or as a query parameter, and rejects others with the exact 401', async () => {
    const server = await fake({ token: 'sekrit' })
    expect((await get(server, '/library/sections')).status).toBe(200)
    expect((await get(server, '/library/sections?X-Plex-Token=sekrit', { token: null })).status).toBe(200)
    for (const token of [null, 'wrong']) {
      const response = await get(server, '/library/sections', { token })
      expect(response.status).toBe(401)
      expect(response.headers.get('content-type')).toBe('text/html')
      const body = await response.text()
      expect(body).toBe(UNAUTHORIZED)
      expect(Buffer.byteLength(body)).toBe(91)
    }
  })

  it('answers unknown paths, unknown sections and unknown items with the exact 85-byte 404', async () => {
    const server = await fake()
    for (const path of [
      '/nope',
      '/library/sections/99/all',
      '/library/sections/99',
      '/library/metadata/999999',
      '/library/metadata/abc/children',
    ]) {
      const response = await get(server, path)
      expect(response.status, path).toBe(404)
      expect(response.headers.get('content-type')).toBe('text/html')
      const body = await response.text()
      expect(body).toBe(NOT_FOUND)
      expect(Buffer.byteLength(body)).toBe(85)
    }
  })

  it('tolerates a trailing slash', async () => {
    const server = await fake()
    const plain = await (await get(server, '/library/sections')).text()
    expect(await (await get(server, '/library/sections/')).text()).toBe(plain)
    expect(await (await get(server, '/library/sections/all')).text()).toBe(plain)
    expect((await get(server, '/library/sections/1/all/?X-Plex-Container-Size=1')).status).toBe(200)
  })

  it('answers 400 text/html for a malformed number', async () => {
    const server = await fake()
    const response = await get(server, '/library/sections/1/all?X-Plex-Container-Start=-1')
    expect(response.status).toBe(400)
    expect(response.headers.get('content-type')).toBe('text/html')
    expect(await response.text()).toContain('400 Bad Request')
  })

  it('answers 503 with the maintenance body on token routes while /identity stays up', async () => {
    const server = await fake()
    server.controls.setMaintenance(true)
    for (const path of ['/', '/library/sections', '/library/sections/1/all', '/hubs/search?query=a']) {
      const response = await get(server, path)
      expect(response.status, path).toBe(503)
      expect(response.headers.get('content-type')).toBe('text/xml;charset=utf-8')
      expect(await response.text()).toBe(MAINTENANCE)
    }
    expect((await get(server, '/identity')).status).toBe(200)
    server.controls.setMaintenance(false)
    expect((await get(server, '/library/sections')).status).toBe(200)
  })

  it('gzips large bodies when asked, and leaves small ones and plain requests alone', async () => {
    const server = await fake({ dataset: { movies: 30 } })
    const url = `${server.url}/library/sections/1/all?X-Plex-Token=${server.token}`
    const plain = await rawGet(url)
    expect(plain.headers['content-encoding']).toBeUndefined()
    const zipped = await rawGet(url, { 'Accept-Encoding': 'gzip, deflate' })
    expect(zipped.headers['content-encoding']).toBe('gzip')
    expect(zipped.body.length).toBeLessThan(plain.body.length)
    expect(Number(zipped.headers['content-length'])).toBe(zipped.body.length)
    const { gunzipSync } = await import('node:zlib')
    expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true)
    const small = await rawGet(`${server.url}/identity`, { 'Accept-Encoding': 'gzip' })
    expect(small.headers['content-encoding']).toBeUndefined()
  })

  it('sends JSON only when Accept asks for application/json', async () => {
    const server = await fake()
    const xml = await get(server, '/library/sections', { headers: { Accept: 'text/html, */*' } })
    expect(xml.headers.get('content-type')).toBe('text/xml;charset=utf-8')
    const json = await get(server, '/library/sections', {
      headers: { Accept: 'application/json, text/plain' },
    })
    expect(json.headers.get('content-type')).toBe('application/json')
  })
})
