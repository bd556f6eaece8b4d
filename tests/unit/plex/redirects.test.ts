import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import type { FakePlexServer } from '../../../src/fake-plex'
import { PlexClient, PlexRedirectError, type FetchFunction } from '../../../src/main/plex'
import { fakePlex } from '../../support/fake-plex'
import { createTestCa } from '../../support/test-certificates'
import { fetchTrusting } from '../../support/trusting-fetch'

/** Another loopback server: it must never see a single request, least of all one with the token. */
const others: Server[] = []
afterEach(async () => {
  await Promise.all(others.splice(0).map((server) => new Promise((resolve) => server.close(resolve))))
})

async function countingServer(): Promise<{ origin: string; host: string; requests: () => number }> {
  let requests = 0
  const server = createServer((_req, res) => {
    requests++
    res.end('{}')
  })
  others.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { origin: `http://127.0.0.1:${port}`, host: `127.0.0.1:${port}`, requests: () => requests }
}

/** Records every URL the client asks for, so a test can check none carries the token. */
function recording(fetch: FetchFunction): { fetch: FetchFunction; urls: string[] } {
  const urls: string[] = []
  return {
    urls,
    fetch: (url, init) => {
      urls.push(url)
      return fetch(url, init)
    },
  }
}

function clientFor(server: FakePlexServer, fetch: FetchFunction, baseUrl = server.url) {
  const sleeps: number[] = []
  const plex = new PlexClient({
    baseUrl,
    token: server.token,
    clientIdentifier: 'redirect-test',
    fetch,
    retries: 3,
    sleep: async (ms) => {
      sleeps.push(ms)
    },
  })
  return { plex, sleeps }
}

function expectNoTokenInUrls(server: FakePlexServer, urls: string[]): void {
  for (const url of urls) expect(url).not.toContain(server.token)
  for (const entry of server.controls.requestLog()) expect(entry.query).not.toHaveProperty('X-Plex-Token')
}

describe('redirects: the token never leaves the server it belongs to', () => {
  it('follows a redirect within the same origin, sending the token only there', async () => {
    const server = await fakePlex()
    // A reverse proxy moving the server from /plex to the root.
    server.controls.setRedirect('/plex/', { status: 307, location: '/library/sections' })
    const { fetch, urls } = recording(globalThis.fetch)
    const { plex } = clientFor(server, fetch, `${server.url}/plex`)
    expect((await plex.sections()).length).toBeGreaterThan(0)
    expect(server.controls.requestLog().map((entry) => [entry.path, entry.status])).toEqual([
      ['/plex/library/sections', 307],
      ['/library/sections', 200],
    ])
    expectNoTokenInUrls(server, urls)
  })

  it('refuses a redirect to another origin, names its host, sends it nothing and does not retry', async () => {
    const server = await fakePlex()
    const other = await countingServer()
    server.controls.setRedirect('/library', { status: 302, location: `${other.origin}/library/sections` })
    const { fetch, urls } = recording(globalThis.fetch)
    const { plex, sleeps } = clientFor(server, fetch)
    const error = await plex.sections().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PlexRedirectError)
    expect((error as PlexRedirectError).targetHost).toBe(other.host)
    expect((error as Error).message).toContain(`to another server, ${other.host}`)
    expect((error as Error).message).not.toContain(server.token)
    expect(other.requests()).toBe(0)
    expect(sleeps).toEqual([])
    expect(server.controls.requestLog()).toHaveLength(1)
    expectNoTokenInUrls(server, urls)
  })

  it('refuses https to http even on the same host and port number, sending nothing in clear text', async () => {
    const ca = createTestCa()
    const leaf = ca.issue(['IP:127.0.0.1'])
    const server = await fakePlex({ tls: { cert: leaf.cert, key: leaf.key } })
    const other = await countingServer()
    server.controls.setRedirect('/library', { status: 301, location: `${other.origin}/library/sections` })
    const { plex, sleeps } = clientFor(server, fetchTrusting(ca.cert))
    const error = await plex.sections().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PlexRedirectError)
    expect((error as Error).message).toMatch(/from https to unencrypted http \(127\.0\.0\.1:\d+\)/)
    expect(other.requests()).toBe(0)
    expect(sleeps).toEqual([])
  })

  it('gives up on a redirect loop within the origin after a few hops', async () => {
    const server = await fakePlex()
    server.controls.setRedirect('/library', { status: 302, location: '/library/sections' })
    const { plex } = clientFor(server, globalThis.fetch)
    await expect(plex.sections()).rejects.toThrow(/redirected GET \/library\/sections more than 3 times/)
    expect(server.controls.requestLog()).toHaveLength(4)
  })

  it("refuses Electron's cancelled redirect (net.fetch hides the target) without retrying", async () => {
    let calls = 0
    const electronLike: FetchFunction = async () => {
      calls++
      throw new Error('Redirect was cancelled')
    }
    const server = await fakePlex()
    const { plex, sleeps } = clientFor(server, electronLike)
    const error = await plex.sections().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PlexRedirectError)
    expect((error as Error).message).toMatch(/with a redirect.*does not follow it with the token/)
    expect(calls).toBe(1)
    expect(sleeps).toEqual([])
  })

  it('asks every fetch not to follow redirects by itself', async () => {
    const modes: Array<RequestInit['redirect']> = []
    const server = await fakePlex()
    const { plex } = clientFor(server, (url, init) => {
      modes.push(init.redirect)
      return globalThis.fetch(url, init)
    })
    await plex.testConnection()
    expect(modes.length).toBeGreaterThan(2)
    expect(new Set(modes)).toEqual(new Set(['manual']))
  })
})
