import { createServer } from 'node:net'
import { describe, expect, it } from 'vitest'
import {
  PlexCertificateError,
  PlexClient,
  PlexNameNotResolvedError,
  PlexUnavailableError,
  type FetchFunction,
} from '../../../src/main/plex'
import { classifyNetworkError } from '../../../src/main/plex/network-errors'

/** What Node's fetch (undici) throws: TypeError('fetch failed') wrapping the socket or TLS error. */
const nodeFailure = (code: string) =>
  new TypeError('fetch failed', { cause: Object.assign(new Error(`${code} happened`), { code }) })
/** What Electron's net.fetch throws: a bare Error named after Chromium's net error, no code. */
const electronFailure = (name: string) => new Error(name)

/** Pairs that must be the same failure to the user, whichever network stack saw it. */
const SAME_FAILURE: Array<[string, string, string]> = [
  ['ECONNREFUSED', 'net::ERR_CONNECTION_REFUSED', 'refused'],
  ['ENOTFOUND', 'net::ERR_NAME_NOT_RESOLVED', 'name-not-resolved'],
  ['ECONNRESET', 'net::ERR_CONNECTION_RESET', 'reset'],
  ['ETIMEDOUT', 'net::ERR_TIMED_OUT', 'timeout'],
  ['EHOSTUNREACH', 'net::ERR_ADDRESS_UNREACHABLE', 'unreachable'],
  ['ENETDOWN', 'net::ERR_INTERNET_DISCONNECTED', 'offline'],
  ['ERR_TLS_CERT_ALTNAME_INVALID', 'net::ERR_CERT_COMMON_NAME_INVALID', 'certificate:wrong-name'],
  ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'net::ERR_CERT_AUTHORITY_INVALID', 'certificate:untrusted'],
  ['CERT_HAS_EXPIRED', 'net::ERR_CERT_DATE_INVALID', 'certificate:expired'],
]

function label(error: unknown): string {
  const failure = classifyNetworkError(error)
  return failure.kind === 'certificate' ? `certificate:${failure.reason}` : failure.kind
}

/** A port with nothing listening, so the certificate probe fails fast instead of reaching anything. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

async function failureThrough(baseUrl: string, thrown: Error) {
  let calls = 0
  const fetch: FetchFunction = async () => {
    calls++
    throw thrown
  }
  const sleeps: number[] = []
  const plex = new PlexClient({
    baseUrl,
    token: 'tok-secret',
    clientIdentifier: 'mapping-test',
    fetch,
    retries: 2,
    sleep: async (ms) => {
      sleeps.push(ms)
    },
  })
  const error = await plex.sections().catch((e: unknown) => e)
  return { error: error as Error, calls, sleeps }
}

describe("one table for Node's and Electron's network errors", () => {
  it.each(SAME_FAILURE)('%s and %s are both %s', (code, chromium, expected) => {
    expect(label(nodeFailure(code))).toBe(expected)
    expect(label(electronFailure(chromium))).toBe(expected)
  })

  it('treats an unknown Chromium certificate error as a certificate problem, and anything else as unknown', () => {
    expect(label(electronFailure('net::ERR_CERT_SYMANTEC_LEGACY'))).toBe('certificate:invalid')
    expect(label(new Error('something odd'))).toBe('unknown')
  })

  it.each(SAME_FAILURE)(
    'gives the same error class, message and retry decision for %s and %s',
    async (code, chromium) => {
      const baseUrl = `https://127.0.0.1:${await closedPort()}`
      const node = await failureThrough(baseUrl, nodeFailure(code))
      const electron = await failureThrough(baseUrl, electronFailure(chromium))
      expect(electron.error.constructor).toBe(node.error.constructor)
      expect(electron.error.message).toBe(node.error.message)
      expect(electron.calls).toBe(node.calls)
      expect(node.error.message).not.toContain('tok-secret')
      expect(node.error.message).not.toMatch(/a network error occurred/)
    },
  )

  it('retries what waiting can fix, and never certificate or name problems', async () => {
    const baseUrl = `https://127.0.0.1:${await closedPort()}`
    const reset = await failureThrough(baseUrl, electronFailure('net::ERR_CONNECTION_RESET'))
    expect(reset.error).toBeInstanceOf(PlexUnavailableError)
    expect(reset.calls).toBe(3)
    const certificate = await failureThrough(baseUrl, electronFailure('net::ERR_CERT_AUTHORITY_INVALID'))
    expect(certificate.error).toBeInstanceOf(PlexCertificateError)
    expect(certificate.calls).toBe(1)
    expect(certificate.sleeps).toEqual([])
    const name = await failureThrough(baseUrl, nodeFailure('ENOTFOUND'))
    expect(name.error).toBeInstanceOf(PlexNameNotResolvedError)
    expect(name.calls).toBe(1)
  })

  it('blames a router that blocks plex.direct names, and names the http address to use instead', async () => {
    for (const thrown of [nodeFailure('ENOTFOUND'), electronFailure('net::ERR_NAME_NOT_RESOLVED')]) {
      const { error } = await failureThrough('https://192-168-1-10.abc123.plex.direct:32400', thrown)
      expect(error).toBeInstanceOf(PlexNameNotResolvedError)
      expect(error.message).toBe(
        'Could not resolve 192-168-1-10.abc123.plex.direct: your router may block plex.direct names (DNS rebinding protection). Allow plex.direct in the router, or use the http://192.168.1.10:32400 address.',
      )
    }
  })
})
