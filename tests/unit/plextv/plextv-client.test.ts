import { createTestCa } from '../../support/test-certificates'
import { fetchTrusting } from '../../support/trusting-fetch'
import { describe, expect, it } from 'vitest'
import { closedPort, fakeServerResource } from '../../../src/fake-plex/plextv'
import {
  PlexTvClient,
  PlexTvError,
  SignInFlow,
  authPageUrl,
  plexTvEndpoints,
  rankConnections,
  waitForPinToken,
} from '../../../src/main/plextv'
import { fakePlex } from '../../support/fake-plex'
import { fakePlexTv } from '../../support/fake-plextv'

const CLIENT_ID = '2b1f6a3e-0000-4000-8000-000000000001'

function client(apiUrl: string) {
  return new PlexTvClient({
    apiUrl,
    identity: { clientIdentifier: CLIENT_ID, product: 'Plex Cache', version: '0.1.0', platform: 'Linux' },
    fetch: globalThis.fetch,
  })
}

async function failure(promise: Promise<unknown>): Promise<PlexTvError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(PlexTvError)
  return error as PlexTvError
}

describe('plex.tv client', () => {
  it('creates a strong PIN with the app identity in X-Plex-* headers', async () => {
    const tv = await fakePlexTv()
    const pin = await client(tv.url).createPin()
    expect(pin.code.length).toBeGreaterThanOrEqual(20)
    expect(pin.authToken).toBeNull()
    expect(pin.expiresAt).toBeGreaterThan(Date.now() + 800_000)
    const [request] = tv.requestLog()
    expect(request).toMatchObject({ method: 'POST', url: '/api/v2/pins?strong=true', status: 201 })
    expect(request!.plexHeaders).toMatchObject({
      'x-plex-client-identifier': CLIENT_ID,
      'x-plex-product': 'Plex Cache',
      'x-plex-version': '0.1.0',
      'x-plex-platform': 'Linux',
    })
    expect(request!.plexHeaders['x-plex-token']).toBeUndefined()
  })

  it('builds the auth page URL Plex expects, with the parameters after #?', () => {
    const url = authPageUrl('https://app.plex.tv/auth', CLIENT_ID, 'abc123')
    expect(url).toBe(
      `https://app.plex.tv/auth#?clientID=${CLIENT_ID}&code=abc123&context%5Bdevice%5D%5Bproduct%5D=Plex+Cache`,
    )
    const parsed = new URLSearchParams(new URL(url).hash.slice(2))
    expect(parsed.get('context[device][product]')).toBe('Plex Cache')
  })

  it('takes the plex.tv and auth page addresses from the environment', () => {
    expect(plexTvEndpoints({})).toEqual({ apiUrl: 'https://plex.tv', authUrl: 'https://app.plex.tv/auth' })
    expect(plexTvEndpoints({ PLEX_CACHE_PLEX_TV_URL: 'http://127.0.0.1:9/' })).toEqual({
      apiUrl: 'http://127.0.0.1:9',
      authUrl: 'http://127.0.0.1:9/auth',
    })
    expect(
      plexTvEndpoints({ PLEX_CACHE_PLEX_TV_URL: 'http://a:1', PLEX_CACHE_PLEX_AUTH_URL: 'http://b:2/auth' }),
    ).toEqual({ apiUrl: 'http://a:1', authUrl: 'http://b:2/auth' })
  })

  it('polls about once a second until the PIN carries a token', async () => {
    const tv = await fakePlexTv({ approveAfterPolls: 3 })
    const plexTv = client(tv.url)
    const pin = await plexTv.createPin()
    const ticks: number[] = []
    const started = Date.now()
    const token = await waitForPinToken(plexTv, pin, { intervalMs: 50, onTick: (left) => ticks.push(left) })
    expect(token).toBe(tv.accountToken)
    expect(tv.pins()[0]!.polls).toBe(3)
    expect(ticks).toHaveLength(3)
    expect(Date.now() - started).toBeGreaterThanOrEqual(100)
  })

  it('reports an expired PIN (404, code 1020) as pin_expired', async () => {
    const tv = await fakePlexTv()
    const plexTv = client(tv.url)
    const pin = await plexTv.createPin()
    tv.expire(pin.id)
    const error = await failure(waitForPinToken(plexTv, pin, { intervalMs: 10 }))
    expect(error).toMatchObject({ code: 'pin_expired', status: 404, plexCode: 1020 })
    expect(error.message).toMatch(/expired/)
  })

  it('stops without plex.tv once the PIN is past its expiry', async () => {
    const tv = await fakePlexTv()
    const plexTv = client(tv.url)
    const pin = await plexTv.createPin()
    const error = await failure(waitForPinToken(plexTv, { ...pin, expiresAt: Date.now() - 1 }))
    expect(error.code).toBe('pin_expired')
    expect(tv.requestLog()).toHaveLength(1)
  })

  it('stops polling when cancelled', async () => {
    const tv = await fakePlexTv()
    const plexTv = client(tv.url)
    const pin = await plexTv.createPin()
    const aborter = new AbortController()
    const waiting = waitForPinToken(plexTv, pin, { intervalMs: 20, signal: aborter.signal })
    setTimeout(() => aborter.abort(), 70)
    expect((await failure(waiting)).code).toBe('cancelled')
    // A poll cut off by the abort may still reach the server a moment later; none may start after.
    await new Promise((resolve) => setTimeout(resolve, 30))
    const polls = tv.pins()[0]!.polls
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(tv.pins()[0]!.polls).toBe(polls)
  })

  it('keeps polling through a passing plex.tv failure', async () => {
    const tv = await fakePlexTv({ approveAfterPolls: 2 })
    const plexTv = client(tv.url)
    const pin = await plexTv.createPin()
    tv.failNext(503, 2)
    expect(await waitForPinToken(plexTv, pin, { intervalMs: 10 })).toBe(tv.accountToken)
  })

  it("turns plex.tv's JSON error bodies into typed errors", async () => {
    const tv = await fakePlexTv()
    const plexTv = client(tv.url)
    const refused = await failure(plexTv.servers('not-the-account-token'))
    expect(refused).toMatchObject({ code: 'auth', status: 401, plexCode: 1001 })
    expect(refused.message).toContain('User could not be authenticated')
    expect(refused.message).not.toContain('not-the-account-token')
    expect((await failure(plexTv.checkToken('nope'))).code).toBe('auth')
    tv.failNext(503)
    expect(await failure(plexTv.createPin())).toMatchObject({ code: 'unavailable', status: 503 })
    const noClientId = new PlexTvClient({ apiUrl: tv.url, identity: { clientIdentifier: '' }, fetch })
    const rejected = await failure(noClientId.createPin())
    expect(rejected).toMatchObject({ code: 'rejected', status: 400, plexCode: 1000 })
    expect(rejected.message).toContain('X-Plex-Client-Identifier is missing')
    const nobody = client(`http://127.0.0.1:${await closedPort()}`)
    expect((await failure(nobody.createPin())).code).toBe('unavailable')
  })

  it('lists only servers, each with its connections and its own token', async () => {
    const pms = await fakePlex()
    const resource = await fakeServerResource(pms, { name: 'Home' })
    const tv = await fakePlexTv({ servers: [resource] })
    const servers = await client(tv.url).servers(tv.accountToken)
    expect(servers).toHaveLength(1)
    expect(servers[0]).toMatchObject({
      name: 'Home',
      clientIdentifier: pms.machineIdentifier,
      accessToken: pms.token,
      owned: true,
    })
    expect(servers[0]!.connections.map((c) => c.uri)).toEqual(resource.connections.map((c) => c.uri))
    const request = tv.requestLog().at(-1)!
    expect(request.url).toBe('/api/v2/resources?includeHttps=1&includeRelay=1&includeIPv6=1')
    expect(request.plexHeaders['x-plex-token']).toBe('<redacted>')
  })
})

describe('choosing a connection', () => {
  it('ranks local over remote, https over http, relay last', () => {
    const c = (uri: string, local: boolean, relay = false) => ({
      uri,
      protocol: uri.startsWith('https') ? ('https' as const) : ('http' as const),
      address: '',
      port: 1,
      local,
      relay,
      IPv6: false,
    })
    const ranked = rankConnections([
      c('https://relay', false, true),
      c('http://remote', false),
      c('http://local', true),
      c('https://remote', false),
      c('https://local', true),
    ])
    expect(ranked.map((each) => each.uri)).toEqual([
      'https://local',
      'http://local',
      'https://remote',
      'http://remote',
      'https://relay',
    ])
  })

  it('tests every connection at once and picks the working local one', async () => {
    const pms = await fakePlex()
    const resource = await fakeServerResource(pms)
    const tv = await fakePlexTv({ servers: [resource] })
    const flow = new SignInFlow({
      endpoints: { apiUrl: tv.url, authUrl: tv.authUrl },
      identity: { clientIdentifier: CLIENT_ID },
      fetch: globalThis.fetch,
      probeTimeoutMs: 1000,
    })
    const [server] = await flow.servers(tv.accountToken)
    const choice = await flow.connections(server!)
    expect(choice.chosen?.uri).toBe(pms.url)
    const byUri = new Map(choice.connections.map((c) => [c.uri, c]))
    expect(byUri.get(pms.url)).toMatchObject({ reachable: true, local: true })
    expect(byUri.get(resource.connections[0]!.uri)).toMatchObject({ reachable: false })
    expect(byUri.get(resource.connections[1]!.uri)).toMatchObject({ reachable: false, protocol: 'https' })
    expect(byUri.get(resource.connections[2]!.uri)).toMatchObject({ reachable: true, relay: true })
    expect(choice.connections.at(-1)!.relay).toBe(true)
    // The probes ask /identity only, without any token.
    const identities = pms.controls.requestLog().filter((entry) => entry.path === '/identity')
    expect(identities.length).toBeGreaterThanOrEqual(2)
    for (const entry of identities) expect(entry.plexHeaders['X-Plex-Token']).toBeUndefined()
  })

  it('passes over an https address whose certificate is for another name, saying why', async () => {
    const ca = createTestCa()
    const leaf = ca.issue(['DNS:*.abc123.plex.direct'])
    const pms = await fakePlex()
    // The same server over https, as a user who reaches it by IP gets it: a plex.direct certificate.
    const tlsPms = await fakePlex({
      machineIdentifier: pms.machineIdentifier,
      token: pms.token,
      tls: { cert: leaf.cert, key: leaf.key },
    })
    const resource = await fakeServerResource(pms, { httpsUrl: tlsPms.url })
    const tv = await fakePlexTv({ servers: [resource] })
    const flow = new SignInFlow({
      endpoints: { apiUrl: tv.url, authUrl: tv.authUrl },
      identity: { clientIdentifier: CLIENT_ID },
      fetch: fetchTrusting(ca.cert),
      probeTimeoutMs: 2000,
    })
    const [server] = await flow.servers(tv.accountToken)
    const choice = await flow.connections(server!)
    expect(choice.chosen?.uri).toBe(pms.url)
    const https = choice.connections.find((connection) => connection.uri === tlsPms.url)
    expect(https).toMatchObject({ reachable: false, protocol: 'https' })
    expect(https?.problem).toMatch(/abc123\.plex\.direct/)
    // Refused at the handshake: the server over https never saw a request.
    expect(tlsPms.controls.requestLog()).toEqual([])
  })

  it('refuses a connection where another server answers', async () => {
    const pms = await fakePlex()
    const other = await fakePlex({ machineIdentifier: 'f'.repeat(40) })
    const resource = await fakeServerResource(pms)
    resource.connections = [{ uri: other.url, local: true, relay: false }, ...resource.connections]
    const flow = new SignInFlow({
      endpoints: { apiUrl: 'http://unused', authUrl: 'http://unused/auth' },
      identity: { clientIdentifier: CLIENT_ID },
      fetch: globalThis.fetch,
    })
    const choice = await flow.connections({
      name: 'Home',
      clientIdentifier: pms.machineIdentifier,
      accessToken: pms.token,
      owned: true,
      connections: resource.connections.map((c) => ({
        ...c,
        protocol: c.uri.startsWith('https') ? 'https' : 'http',
        address: new URL(c.uri).hostname,
        port: Number(new URL(c.uri).port),
        IPv6: false,
      })),
    })
    expect(choice.connections.find((c) => c.uri === other.url)).toMatchObject({
      reachable: false,
      problem: 'another Plex server answered at this address',
    })
    expect(choice.chosen?.uri).toBe(pms.url)
  })
})
