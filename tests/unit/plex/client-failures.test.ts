import { describe, expect, it } from 'vitest'
import {
  PlexAbortError,
  PlexAuthError,
  PlexNotFoundError,
  PlexProtocolError,
  PlexUnavailableError,
} from '../../../src/main/plex'
import { clientFor, fakePlex, header } from './fake-server'

const WRONG_TOKEN = 'wrong-token-do-not-leak-9f8e7d'

describe('PlexClient against the fake server: failures', () => {
  it('reports a wrong token as an auth error that does not contain the token, without retrying', async () => {
    const fake = await fakePlex()
    const plex = clientFor(fake, { token: WRONG_TOKEN })
    fake.controls.clearRequestLog()
    const error = await plex.testConnection().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PlexAuthError)
    expect((error as Error).message).not.toContain(WRONG_TOKEN)
    expect(String((error as Error).stack)).not.toContain(WRONG_TOKEN)
    // /identity answers without a token; /library/sections is tried exactly once.
    expect(fake.controls.requestLog().map((entry) => [entry.path, entry.status])).toEqual([
      ['/identity', 200],
      ['/library/sections', 401],
    ])
  })

  it('reports a missing section as not found, without retrying', async () => {
    const fake = await fakePlex()
    const plex = clientFor(fake)
    fake.controls.clearRequestLog()
    await expect(plex.items('99', { sectionType: 'movie' })).rejects.toThrow(PlexNotFoundError)
    await expect(plex.count('99', { type: 1 })).rejects.toThrow(/section "99" was not found/)
    expect(fake.controls.requestLog()).toHaveLength(2)
    // Without a known type the client looks the section up first, and finds it missing there.
    await expect(plex.items('99')).rejects.toThrow(PlexNotFoundError)
  })

  it('retries through a 503 and succeeds when the server comes back', async () => {
    const fake = await fakePlex()
    const sleeps: number[] = []
    const plex = clientFor(fake, {
      sleep: async (ms) => {
        sleeps.push(ms)
        if (sleeps.length === 2) fake.controls.setMaintenance(false)
      },
    })
    fake.controls.setMaintenance(true)
    fake.controls.clearRequestLog()
    expect(await plex.sections()).toHaveLength(4)
    expect(fake.controls.requestLog().map((entry) => entry.status)).toEqual([503, 503, 200])
    expect(sleeps).toHaveLength(2)
    expect(sleeps[1]).toBeGreaterThan(sleeps[0] ?? Infinity)
  })

  it('retries a forced 500 on one route, then recovers', async () => {
    const fake = await fakePlex({ dataset: { movies: 30 } })
    const plex = clientFor(fake, {
      sleep: async () => fake.controls.setForcedStatus('/library/sections/1/all', null),
    })
    await plex.sections()
    fake.controls.setForcedStatus('/library/sections/1/all', 500)
    fake.controls.clearRequestLog()
    expect(await plex.items('1')).toHaveLength(30)
    expect(fake.controls.requestLog().map((entry) => entry.status)).toEqual([500, 200])
  })

  it('gives up after the retries when the server stays in maintenance', async () => {
    const fake = await fakePlex()
    fake.controls.setMaintenance(true)
    fake.controls.clearRequestLog()
    const error = await clientFor(fake, { retries: 2 })
      .sections()
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PlexUnavailableError)
    expect((error as Error).message).toMatch(/maintenance/)
    expect(fake.controls.requestLog()).toHaveLength(3)
  })

  it('turns latency past the timeout into an unavailable error', async () => {
    const fake = await fakePlex()
    fake.controls.setLatency(1000)
    const started = Date.now()
    const error = await clientFor(fake, { timeoutMs: 100, retries: 1 })
      .sections()
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PlexUnavailableError)
    expect((error as Error).message).toMatch(/within 100 ms/)
    expect(Date.now() - started).toBeLessThan(900)
  })

  it('turns a dropped connection into an unavailable error after the retries', async () => {
    const fake = await fakePlex()
    fake.controls.setDropConnections(true)
    let attempts = 0
    const plex = clientFor(fake, {
      retries: 2,
      fetch: (url, init) => {
        attempts++
        return fetch(url, init)
      },
    })
    const error = await plex.sections().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PlexUnavailableError)
    expect((error as Error).message).toMatch(/^Could not talk to the Plex server at http:\/\/127\.0\.0\.1/)
    expect(attempts).toBe(3)
  })

  it('reports a server that is not running as unavailable, naming the refused connection', async () => {
    const fake = await fakePlex()
    const plex = clientFor(fake, { retries: 1 })
    await fake.close()
    const error = await plex.testConnection().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PlexUnavailableError)
    expect((error as Error).message).toMatch(/connection was refused/)
  })

  it('reports malformed JSON as a protocol error', async () => {
    const fake = await fakePlex()
    fake.controls.setMalformedJson(true)
    await expect(clientFor(fake).sections()).rejects.toThrow(PlexProtocolError)
  })

  it('aborts a slow request promptly through the AbortSignal, without retrying', async () => {
    const fake = await fakePlex()
    fake.controls.setLatency(5000)
    fake.controls.clearRequestLog()
    let attempts = 0
    const plex = clientFor(fake, {
      fetch: (url, init) => {
        attempts++
        return fetch(url, init)
      },
    })
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 50)
    const started = Date.now()
    await expect(plex.items('1', { sectionType: 'movie', signal: controller.signal })).rejects.toThrow(
      PlexAbortError,
    )
    expect(Date.now() - started).toBeLessThan(1000)
    expect(attempts).toBe(1)
  })

  it('sends the identity headers on every request', async () => {
    const fake = await fakePlex({ dataset: { movies: 10 }, maxPageSize: 4 })
    const plex = clientFor(fake, { product: 'Plex Cache', version: '9.9.9', deviceName: 'test-desk' })
    fake.controls.clearRequestLog()
    await plex.testConnection()
    await plex.items('1')
    await plex.count('2')
    await plex.search('1', 'a')
    await plex.items('99', { sectionType: 'movie' }).catch(() => undefined)
    const log = fake.controls.requestLog()
    expect(log.length).toBeGreaterThan(6)
    for (const entry of log) {
      const headers = entry.plexHeaders as Record<string, unknown>
      expect(header(headers, 'X-Plex-Client-Identifier'), entry.path).toBe(
        '5d7e1c52-8f0b-4c8e-9a0e-2b6c1e9f4a11',
      )
      expect(header(headers, 'X-Plex-Product'), entry.path).toBe('Plex Cache')
      expect(header(headers, 'X-Plex-Version'), entry.path).toBe('9.9.9')
      expect(header(headers, 'X-Plex-Platform'), entry.path).toBeTruthy()
      expect(header(headers, 'X-Plex-Device-Name'), entry.path).toBe('test-desk')
      expect(header(headers, 'X-Plex-Token'), entry.path).toBeTruthy()
      expect(JSON.stringify(entry)).not.toContain(fake.token)
    }
  })
})
