import { describe, expect, it } from 'vitest'
import {
  PlexAbortError,
  PlexAuthError,
  PlexClient,
  PlexNotFoundError,
  PlexProtocolError,
  PlexRequestError,
  PlexUnavailableError,
  type FetchFunction,
  type PlexClientOptions,
} from '../../../src/main/plex'
import { backoffDelay } from '../../../src/main/plex/retry'
import { json } from './scripted-server'

const TOKEN = 'tok-SECRET-4711'
const SECTIONS = { MediaContainer: { Directory: [{ key: '1', type: 'movie', title: 'Movies' }] } }

/** A client whose backoff sleeps are recorded instead of waited. */
function clientWith(fetch: FetchFunction, options: Partial<PlexClientOptions> = {}) {
  const sleeps: number[] = []
  const plex = new PlexClient({
    baseUrl: 'http://plex.test:32400/',
    token: TOKEN,
    clientIdentifier: 'client-uuid',
    fetch,
    random: () => 0.5,
    sleep: async (ms) => {
      sleeps.push(ms)
    },
    ...options,
  })
  return { plex, sleeps }
}

/** Answers with the given responses in turn (the last one repeats), counting calls. */
function sequence(...answers: Array<() => Response | Promise<Response>>) {
  let calls = 0
  const fetch: FetchFunction = async () => {
    const answer = answers[Math.min(calls, answers.length - 1)]
    calls++
    if (!answer) throw new Error('no answer scripted')
    return answer()
  }
  return { fetch, calls: () => calls }
}

const status = (code: number) => () => new Response('<html>nope</html>', { status: code })
const ok = () => json(SECTIONS)
const connectionReset = () => {
  throw new TypeError('fetch failed', {
    cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
  })
}

describe('every request', () => {
  it('carries the token and identity headers, asks for JSON and gzip, and hits the normalised URL', async () => {
    const seen: Array<{ url: string; headers: Headers }> = []
    const fetch: FetchFunction = async (url, init) => {
      seen.push({ url, headers: new Headers(init.headers) })
      return ok()
    }
    const { plex } = clientWith(fetch, { product: 'Plex Cache', version: '1.2.3', deviceName: 'desk' })
    await plex.sections()
    expect(seen[0]?.url).toBe('http://plex.test:32400/library/sections')
    const headers = seen[0]?.headers
    expect(headers?.get('X-Plex-Token')).toBe(TOKEN)
    expect(headers?.get('X-Plex-Client-Identifier')).toBe('client-uuid')
    expect(headers?.get('X-Plex-Product')).toBe('Plex Cache')
    expect(headers?.get('X-Plex-Version')).toBe('1.2.3')
    expect(headers?.get('X-Plex-Platform')).toBeTruthy()
    expect(headers?.get('X-Plex-Device-Name')).toBe('desk')
    expect(headers?.get('Accept')).toBe('application/json')
    expect(headers?.get('Accept-Encoding')).toBe('gzip')
    expect(seen[0]?.url).not.toContain(TOKEN)
  })

  it('asks a server on this computer for plain bodies: gzip only pays across a network', async () => {
    const asked: Array<string | null> = []
    const fetch: FetchFunction = async (_url, init) => {
      asked.push(new Headers(init.headers).get('Accept-Encoding'))
      return ok()
    }
    const hosts = ['http://127.0.0.1:32400', 'http://localhost:32400', 'http://[::1]:32400']
    for (const baseUrl of [...hosts, 'https://192-168-1-10.abc.plex.direct:32400']) {
      await clientWith(fetch, { baseUrl }).plex.sections()
    }
    expect(asked).toEqual(['identity', 'identity', 'identity', 'gzip'])
  })
})

describe('retries', () => {
  it('retries 503 and other 5xx with growing, jittered backoff, then succeeds', async () => {
    const server = sequence(status(503), status(500), status(502), ok)
    const { plex, sleeps } = clientWith(server.fetch, { retryBaseDelayMs: 100 })
    expect(await plex.sections()).toHaveLength(1)
    expect(server.calls()).toBe(4)
    expect(sleeps).toEqual([75, 150, 300])
  })

  it('gives up after the configured retries with an unavailable error', async () => {
    const server = sequence(status(503))
    const { plex } = clientWith(server.fetch, { retries: 2 })
    await expect(plex.sections()).rejects.toThrow(PlexUnavailableError)
    expect(server.calls()).toBe(3)
  })

  it('retries a reset connection and names the failure without the token', async () => {
    const server = sequence(connectionReset)
    const { plex } = clientWith(server.fetch, { retries: 1 })
    const error = await plex.sections().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PlexUnavailableError)
    expect((error as Error).message).toMatch(/closed unexpectedly/)
    expect((error as Error).message).not.toContain(TOKEN)
    expect(server.calls()).toBe(2)
  })

  it.each([
    [400, PlexRequestError],
    [401, PlexAuthError],
    [403, PlexAuthError],
    [404, PlexNotFoundError],
  ])('never retries %i', async (code, type) => {
    const server = sequence(status(code), ok)
    const { plex, sleeps } = clientWith(server.fetch)
    const error = await plex.sections().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(type)
    expect((error as Error).message).not.toContain(TOKEN)
    expect(server.calls()).toBe(1)
    expect(sleeps).toEqual([])
  })

  it('computes equal-jitter delays capped at the maximum', () => {
    const policy = { retries: 5, baseDelayMs: 250, maxDelayMs: 1000 }
    expect(backoffDelay(0, { ...policy, random: () => 0 })).toBe(125)
    expect(backoffDelay(0, { ...policy, random: () => 0.999999 })).toBeCloseTo(250)
    expect(backoffDelay(1, { ...policy, random: () => 0 })).toBe(250)
    expect(backoffDelay(6, { ...policy, random: () => 0 })).toBe(500)
  })
})

describe('timeouts and aborts', () => {
  /** Never answers; rejects like fetch does when its signal aborts. */
  const hanging: FetchFunction = (_url, init) =>
    new Promise((_resolve, reject) => {
      init.signal?.addEventListener('abort', () => reject(init.signal?.reason), { once: true })
    })

  it('turns a request that outlives the timeout into an unavailable error, after retries', async () => {
    let calls = 0
    const { plex } = clientWith(
      (url, init) => {
        calls++
        return hanging(url, init)
      },
      { timeoutMs: 20, retries: 1 },
    )
    await expect(plex.sections()).rejects.toThrow(/did not answer GET \/library\/sections within 20 ms/)
    expect(calls).toBe(2)
  })

  it('surfaces an abort as an AbortError, promptly and without retrying', async () => {
    let calls = 0
    const { plex } = clientWith(
      (url, init) => {
        calls++
        return hanging(url, init)
      },
      { timeoutMs: 60_000 },
    )
    const controller = new AbortController()
    const started = Date.now()
    setTimeout(() => controller.abort(), 20)
    const error = await plex.sections({ signal: controller.signal }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PlexAbortError)
    expect((error as Error).name).toBe('AbortError')
    expect(Date.now() - started).toBeLessThan(1000)
    expect(calls).toBe(1)
  })

  it('stops retrying when aborted during the backoff', async () => {
    const controller = new AbortController()
    const server = sequence(status(503))
    const plex = new PlexClient({
      baseUrl: 'http://plex.test:32400',
      token: TOKEN,
      clientIdentifier: 'c',
      fetch: server.fetch,
      sleep: async () => controller.abort(),
    })
    await expect(plex.sections({ signal: controller.signal })).rejects.toThrow(PlexAbortError)
    expect(server.calls()).toBe(1)
  })

  it('does not even send a request when the signal is already aborted', async () => {
    const server = sequence(ok)
    const { plex } = clientWith(server.fetch)
    await expect(plex.sections({ signal: AbortSignal.abort() })).rejects.toThrow(PlexAbortError)
    expect(server.calls()).toBe(0)
  })
})

describe('malformed answers', () => {
  it.each([
    ['not JSON', () => new Response('{"MediaContainer": {'), /not valid JSON/],
    ['XML', () => new Response('<?xml version="1.0"?><MediaContainer/>'), /sent XML or HTML/],
    ['no MediaContainer', () => json({ something: 'else' }), /no MediaContainer/],
    ['a JSON array', () => json([1, 2]), /no MediaContainer/],
  ])('reports %s as a protocol error, without retrying', async (_name, answer, message) => {
    const server = sequence(answer)
    const { plex } = clientWith(server.fetch)
    await expect(plex.sections()).rejects.toThrow(PlexProtocolError)
    await expect(plex.sections()).rejects.toThrow(message)
    expect(server.calls()).toBe(2)
  })

  it('treats a missing Directory as no sections', async () => {
    const { plex } = clientWith(sequence(() => json({ MediaContainer: { size: 0 } })).fetch)
    expect(await plex.sections()).toEqual([])
  })
})
