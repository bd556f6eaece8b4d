import { describe, expect, it } from 'vitest'
import type { FakePlexServer } from '../../../src/fake-plex'
import { fake, get, getJson, pagingQuery } from './support'

async function section(server: FakePlexServer, key: string): Promise<Record<string, number>> {
  const sections = (await getJson(server, '/library/sections')).Directory as Record<string, number>[]
  const found = sections.find((s) => String(s.key) === key)
  if (!found) throw new Error(`no section ${key}`)
  return found
}

async function movieCount(server: FakePlexServer): Promise<unknown> {
  return (await getJson(server, `/library/sections/1/all?${pagingQuery(0, 0)}`)).totalSize
}

describe('fake Plex: library controls', () => {
  it('addItem adds a findable item with its file, and bumps updatedAt, scannedAt and contentChangedAt', async () => {
    const server = await fake({ dataset: { movies: 5 } })
    const before = await section(server, '1')
    const other = await section(server, '2')
    const ratingKey = server.controls.addItem('1', {
      title: 'Zoë & Friends',
      year: 2024,
      filePath: '/mnt/x/Zoë.mkv',
    })
    expect(await movieCount(server)).toBe(6)
    const after = await section(server, '1')
    expect(after.updatedAt).toBeGreaterThan(before.updatedAt!)
    expect(after.scannedAt).toBeGreaterThan(before.scannedAt!)
    expect(after.contentChangedAt).toBeGreaterThan(before.contentChangedAt!)
    expect(await section(server, '2')).toEqual(other)
    const [item] = (await getJson(server, `/library/metadata/${ratingKey}`)).Metadata ?? []
    expect(item).toMatchObject({ ratingKey, title: 'Zoë & Friends', year: 2024 })
    const media = item?.Media as { Part: { file: string }[] }[]
    expect(media[0]?.Part[0]?.file).toBe('/mnt/x/Zoë.mkv')
  })

  it('addItem on a show or music section adds a whole branch down to a playable leaf', async () => {
    const server = await fake()
    const show = server.controls.addItem('2', { title: 'New Show', filePath: '/data/TV/New Show/ep.mkv' })
    const episodes = (await getJson(server, '/library/sections/2/all?type=4&title=pilot')).Metadata ?? []
    expect(episodes).toHaveLength(1)
    expect(episodes[0]).toMatchObject({ grandparentRatingKey: show, grandparentTitle: 'New Show' })
    const artist = server.controls.addItem('3')
    expect((await getJson(server, `/library/metadata/${artist}`)).Metadata?.[0]).toMatchObject({
      leafCount: 1,
      childCount: 1,
    })
    expect(() => server.controls.addItem('9')).toThrow(/unknown section/)
  })

  it('removeItem removes the item and its children and bumps the section', async () => {
    const server = await fake()
    const before = await section(server, '2')
    const [show] = (await getJson(server, '/library/sections/2/all')).Metadata ?? []
    server.controls.removeItem(String(show?.ratingKey))
    expect((await get(server, `/library/metadata/${String(show?.ratingKey)}`)).status).toBe(404)
    expect((await getJson(server, `/library/sections/2/all?type=4&${pagingQuery(0, 0)}`)).totalSize).toBe(48)
    const after = await section(server, '2')
    expect(after.updatedAt).toBeGreaterThan(before.updatedAt!)
    expect(after.contentChangedAt).toBeGreaterThan(before.contentChangedAt!)
    expect(() => server.controls.removeItem('424242')).toThrow(/unknown ratingKey/)
  })

  it('renameItem changes title and updatedAt, re-sorts, keeps the file paths, and bumps the section', async () => {
    const server = await fake({ dataset: { movies: 5 } })
    const before = await section(server, '1')
    const listed = (await getJson(server, '/library/sections/1/all')).Metadata ?? []
    const target = listed[listed.length - 1]!
    const fileBefore = JSON.stringify(target.Media)
    server.controls.renameItem(String(target.ratingKey), 'AAA First Now')
    const relisted = (await getJson(server, '/library/sections/1/all')).Metadata ?? []
    expect(relisted[0]).toMatchObject({ ratingKey: target.ratingKey, title: 'AAA First Now' })
    expect(Number(relisted[0]?.updatedAt)).toBeGreaterThan(Number(target.updatedAt))
    expect(JSON.stringify(relisted[0]?.Media)).toBe(fileBefore)
    const after = await section(server, '1')
    expect(after.updatedAt).toBeGreaterThan(before.updatedAt!)
    expect(after.contentChangedAt).toBeGreaterThan(before.contentChangedAt!)
  })
})

describe('fake Plex: fault controls', () => {
  it('forces a status on paths with a prefix, longest prefix first, until cleared', async () => {
    const server = await fake()
    server.controls.setForcedStatus('/library', 500)
    server.controls.setForcedStatus('/library/sections/1', 404)
    const failed = await get(server, '/library/sections')
    expect(failed.status).toBe(500)
    expect(await failed.text()).toContain('500 Internal Server Error')
    expect((await get(server, '/library/sections/1/all')).status).toBe(404)
    expect((await get(server, '/identity')).status).toBe(200)
    server.controls.setForcedStatus('/library', null)
    expect((await get(server, '/library/sections')).status).toBe(200)
    server.controls.reset()
    expect((await get(server, '/library/sections/1/all')).status).toBe(200)
  })

  it('adds latency', async () => {
    const server = await fake()
    server.controls.setLatency(150)
    const started = Date.now()
    expect((await get(server, '/identity')).status).toBe(200)
    expect(Date.now() - started).toBeGreaterThanOrEqual(140)
  })

  it('drops connections so that fetch fails, and logs them with status 0', async () => {
    const server = await fake()
    server.controls.setDropConnections(true)
    await expect(get(server, '/library/sections')).rejects.toThrow()
    expect(server.controls.requestLog().at(-1)).toMatchObject({ path: '/library/sections', status: 0 })
    server.controls.setDropConnections(false)
    expect((await get(server, '/library/sections')).status).toBe(200)
  })

  it('makes JSON unparseable while XML stays intact', async () => {
    const server = await fake()
    server.controls.setMalformedJson(true)
    const response = await get(server, '/library/sections', { json: true })
    expect(response.status).toBe(200)
    const text = await response.text()
    expect(() => JSON.parse(text) as unknown).toThrow()
    expect(await (await get(server, '/library/sections')).text()).toMatch(/<\/MediaContainer>\n$/)
  })

  it('logs method, path, query, X-Plex-* headers from either place and status, never the token', async () => {
    const server = await fake({ token: 'very-secret-token' })
    await get(server, '/library/sections', {
      headers: { 'X-Plex-Client-Identifier': 'abc', 'X-Plex-Product': 'Test' },
    })
    await get(
      server,
      `/library/sections/1/all?X-Plex-Token=very-secret-token&X-Plex-Device-Name=desk&limit=2`,
      {
        token: null,
      },
    )
    await get(server, '/library/sections', { token: 'wrong' })
    const log = server.controls.requestLog()
    expect(log).toEqual([
      {
        method: 'GET',
        path: '/library/sections',
        query: {},
        plexHeaders: {
          'X-Plex-Token': '<redacted>',
          'X-Plex-Client-Identifier': 'abc',
          'X-Plex-Product': 'Test',
        },
        status: 200,
        tokenHolder: 'owner',
      },
      {
        method: 'GET',
        path: '/library/sections/1/all',
        query: { 'X-Plex-Token': '<redacted>', 'X-Plex-Device-Name': 'desk', limit: '2' },
        plexHeaders: { 'X-Plex-Token': '<redacted>', 'X-Plex-Device-Name': 'desk' },
        status: 200,
        tokenHolder: 'owner',
      },
      {
        method: 'GET',
        path: '/library/sections',
        query: {},
        plexHeaders: { 'X-Plex-Token': '<redacted>' },
        status: 401,
        tokenHolder: 'unknown',
      },
    ])
    expect(JSON.stringify(log)).not.toContain('very-secret-token')
    server.controls.clearRequestLog()
    expect(server.controls.requestLog()).toEqual([])
  })

  it('reset turns every fault off and restores the starting page size', async () => {
    const server = await fake({ maxPageSize: 10 })
    server.controls.setMaintenance(true)
    server.controls.setMalformedJson(true)
    server.controls.setDropConnections(true)
    server.controls.setLatency(5000)
    server.controls.setMaxPageSize(2)
    server.controls.reset()
    expect((await getJson(server, '/library/sections/1/all')).size).toBe(10)
  })

  it('closes promptly even while a slow request is waiting', async () => {
    const server = await fake()
    server.controls.setLatency(10_000)
    const pending = get(server, '/identity').catch((error: unknown) => error)
    await new Promise((resolve) => setTimeout(resolve, 50))
    const started = Date.now()
    await server.close()
    expect(Date.now() - started).toBeLessThan(1000)
    expect(await pending).toBeInstanceOf(Error)
  })
})

describe('fake Plex: HTTP control route', () => {
  async function control(
    server: FakePlexServer,
    body: unknown,
    token: string | null = server.token,
  ): Promise<Response> {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' }
    if (token !== null) headers['X-Plex-Token'] = token
    return fetch(`${server.url}/__fake/control`, { method: 'POST', headers, body: JSON.stringify(body) })
  }

  it('maps actions onto the controls and is not logged', async () => {
    const server = await fake({ dataset: { movies: 3 } })
    const added = await control(server, {
      action: 'addItem',
      sectionKey: '1',
      title: 'Over HTTP',
      year: 2020,
    })
    expect(added.status).toBe(200)
    const { ratingKey } = (await added.json()) as { ratingKey: string }
    expect((await getJson(server, `/library/metadata/${ratingKey}`)).Metadata?.[0]?.title).toBe('Over HTTP')
    expect((await control(server, { action: 'renameItem', ratingKey, title: 'Renamed' })).status).toBe(200)
    expect((await control(server, { action: 'setMaintenance', on: true })).status).toBe(200)
    expect((await get(server, '/library/sections')).status).toBe(503)
    expect((await control(server, { action: 'reset' })).status).toBe(200)
    expect(
      (await control(server, { action: 'setForcedStatus', pathPrefix: '/library', status: 500 })).status,
    ).toBe(200)
    expect((await get(server, '/library/sections')).status).toBe(500)
    expect(
      (await control(server, { action: 'setForcedStatus', pathPrefix: '/library', status: null })).status,
    ).toBe(200)
    expect((await control(server, { action: 'removeItem', ratingKey })).status).toBe(200)
    const requests = await fetch(`${server.url}/__fake/requests?X-Plex-Token=${server.token}`)
    const log = (await requests.json()) as { path: string; status: number }[]
    expect(log.map((entry) => [entry.path, entry.status])).toEqual([
      [`/library/metadata/${ratingKey}`, 200],
      ['/library/sections', 503],
      ['/library/sections', 500],
    ])
    expect(JSON.stringify(log)).not.toContain(server.token)
  })

  it('needs the token and rejects unknown actions and bad arguments with 400', async () => {
    const server = await fake()
    expect((await control(server, { action: 'reset' }, null)).status).toBe(401)
    expect((await fetch(`${server.url}/__fake/requests`)).status).toBe(401)
    const unknown = await control(server, { action: 'explode' })
    expect(unknown.status).toBe(400)
    expect(((await unknown.json()) as { error: string }).error).toMatch(/unknown action/)
    expect((await control(server, { action: 'setLatency', ms: 'slow' })).status).toBe(400)
    expect((await control(server, { action: 'removeItem', ratingKey: '999999' })).status).toBe(400)
  })
})
