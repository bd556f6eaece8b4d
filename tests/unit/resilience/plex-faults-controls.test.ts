import { gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import type { FakePlexServer } from '../../../src/fake-plex'
import { PlexClient, PlexProtocolError } from '../../../src/main/plex'
import { fake, pagingQuery, rawGet } from '../fake-plex/support'

/**
 * The fault controls added for issue 7's Plex faults: what each does on the wire, that the HTTP
 * control route drives them like the in-process controls, and that reset() turns them off.
 */

const JSON_HEADERS = { Accept: 'application/json', 'Accept-Encoding': 'gzip' }

function rawJson(server: FakePlexServer, path: string) {
  return rawGet(`${server.url}${path}`, { ...JSON_HEADERS, 'X-Plex-Token': server.token })
}

function control(server: FakePlexServer, body: Record<string, unknown>): Promise<Response> {
  return fetch(`${server.url}/__fake/control`, {
    method: 'POST',
    headers: { 'X-Plex-Token': server.token, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
}

describe('fake Plex: the resilience fault controls', () => {
  it('setGarbledJson sends a whole body that is not JSON', async () => {
    const server = await fake()
    const good = gunzipSync((await rawJson(server, '/library/sections')).body).toString()
    server.controls.setGarbledJson(true)
    const garbled = gunzipSync((await rawJson(server, '/library/sections')).body).toString()
    expect(garbled).toHaveLength(good.length)
    expect(garbled).toBe(good.replaceAll('"', "'"))
    expect(() => JSON.parse(garbled) as unknown).toThrow(SyntaxError)
  })

  it('setTruncatedGzip sends half a gzip stream with an honest Content-Length, even for tiny bodies', async () => {
    const server = await fake()
    server.controls.setTruncatedGzip(true)
    const response = await rawJson(server, '/identity')
    expect(response.headers['content-encoding']).toBe('gzip')
    expect(Number(response.headers['content-length'])).toBe(response.body.length)
    expect(() => gunzipSync(response.body)).toThrow(/unexpected end/i)
  })

  it('setRepeatingPages repeats the first page, rotated, under a total of a million', async () => {
    const server = await fake({ dataset: { movies: 30 } })
    server.controls.setRepeatingPages(true)
    const page = async (start: number) => {
      const body = gunzipSync(
        (await rawJson(server, `/library/sections/1/all?${pagingQuery(start, 10)}`)).body,
      )
      return (JSON.parse(body.toString()) as { MediaContainer: Record<string, unknown> }).MediaContainer
    }
    const first = await page(0)
    const later = await page(500_010)
    const keys = (container: Record<string, unknown>) =>
      (container.Metadata as { ratingKey: string }[]).map((item) => item.ratingKey)
    expect(first).toMatchObject({ totalSize: 1_000_000, offset: 0, size: 10 })
    expect(later).toMatchObject({ totalSize: 1_000_000, offset: 500_010, size: 10 })
    expect(keys(later)).not.toEqual(keys(first))
    expect([...keys(later)].sort()).toEqual([...keys(first)].sort())
  })

  it('setOversizedResponse pads JSON to the size asked, still valid JSON', async () => {
    const server = await fake()
    server.controls.setOversizedResponse(3 * 1024 * 1024)
    const body = gunzipSync((await rawJson(server, '/identity')).body)
    expect(body.length).toBe(3 * 1024 * 1024)
    expect(JSON.parse(body.toString())).toMatchObject({
      MediaContainer: { machineIdentifier: server.machineIdentifier },
    })
    expect(() => server.controls.setOversizedResponse(0)).toThrow(RangeError)
  })

  it('the HTTP control route drives the new controls, and reset() turns them all off', async () => {
    const server = await fake()
    for (const body of [
      { action: 'setGarbledJson', on: true },
      { action: 'setTruncatedGzip', on: true },
      { action: 'setRepeatingPages', on: true },
      { action: 'setOversizedResponse', bytes: 4096 },
    ]) {
      expect((await control(server, body)).status, body.action).toBe(200)
    }
    expect((await control(server, { action: 'setOversizedResponse', bytes: 'big' })).status).toBe(400)
    const faulty = await rawJson(server, '/identity')
    expect(() => gunzipSync(faulty.body)).toThrow()
    expect((await control(server, { action: 'reset' })).status).toBe(200)
    const body = gunzipSync((await rawJson(server, `/library/sections/1/all?${pagingQuery(0, 5)}`)).body)
    expect(JSON.parse(body.toString())).toMatchObject({ MediaContainer: { size: 5, totalSize: 250 } })
  })
})

describe('PlexClient: the response size cap', () => {
  it('refuses a body past maxResponseBytes as a protocol error, and reads it under the default', async () => {
    const server = await fake()
    server.controls.setOversizedResponse(2 * 1024 * 1024)
    const options = { baseUrl: server.url, token: server.token, clientIdentifier: 'fuzz', fetch }
    const capped = new PlexClient({ ...options, maxResponseBytes: 1024 * 1024, retries: 0 })
    const error = await capped.identity().catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(PlexProtocolError)
    expect((error as Error).message).toMatch(/answer to GET \/identity was larger than 1 MB/)
    // 2 MB is far under the 128 MiB default: a large but sane answer still reads.
    expect((await new PlexClient(options).identity()).machineIdentifier).toBe(server.machineIdentifier)
  })
})
