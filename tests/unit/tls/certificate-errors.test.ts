import { describe, expect, it } from 'vitest'
import type { FakePlexServer } from '../../../src/fake-plex'
import {
  PlexCertificateError,
  PlexClient,
  type FetchFunction,
  type PlexClientOptions,
} from '../../../src/main/plex'
import { toServiceError } from '../../../src/main/service'
import { fakePlex } from '../../support/fake-plex'
import { createSelfSigned, createTestCa, type TestCertificate } from '../../support/test-certificates'
import { fetchTrusting } from '../../support/trusting-fetch'

function clientFor(server: FakePlexServer, fetch: FetchFunction, options: Partial<PlexClientOptions> = {}) {
  const sleeps: number[] = []
  const plex = new PlexClient({
    baseUrl: server.url,
    token: server.token,
    clientIdentifier: 'tls-test',
    fetch,
    retries: 3,
    sleep: async (ms) => {
      sleeps.push(ms)
    },
    ...options,
  })
  return { plex, sleeps }
}

async function servedWith(certificate: TestCertificate): Promise<FakePlexServer> {
  return fakePlex({ tls: { cert: certificate.cert, key: certificate.key } })
}

async function certificateFailure(server: FakePlexServer, fetch: FetchFunction) {
  const { plex, sleeps } = clientFor(server, fetch)
  const error = await plex.sections().catch((e: unknown) => e)
  expect(error).toBeInstanceOf(PlexCertificateError)
  // Never retried, and no HTTP request (so no token) ever reached the server.
  expect(sleeps).toEqual([])
  expect(server.controls.requestLog()).toEqual([])
  expect((error as Error).message).not.toContain(server.token)
  return error as PlexCertificateError
}

describe('https: each certificate problem has its own message and fix, and is never retried', () => {
  it('a *.plex.direct certificate reached by IP address names the dashed plex.direct address to use', async () => {
    const ca = createTestCa()
    const leaf = ca.issue(['DNS:*.abc123.plex.direct'])
    const server = await servedWith(leaf)
    const port = Number(new URL(server.url).port)
    const error = await certificateFailure(server, fetchTrusting(ca.cert))
    expect(error.certificate).toEqual({
      origin: server.url,
      host: '127.0.0.1',
      port,
      reason: 'wrong-name',
      names: ['*.abc123.plex.direct'],
      fingerprint256: leaf.fingerprint256,
      validTo: expect.any(String),
      suggestedUrl: `https://127-0-0-1.abc123.plex.direct:${port}`,
    })
    expect(error.message).toContain('*.abc123.plex.direct')
    expect(error.message).toContain(`use https://127-0-0-1.abc123.plex.direct:${port} instead`)
  })

  it('a self-signed certificate shows its fingerprint and offers trusting it', async () => {
    const self = createSelfSigned(['IP:127.0.0.1'])
    const server = await servedWith(self)
    const error = await certificateFailure(server, globalThis.fetch)
    expect(error.certificate.reason).toBe('self-signed')
    expect(error.certificate.fingerprint256).toBe(self.fingerprint256)
    expect(error.message).toContain(self.fingerprint256)
    expect(error.message).toMatch(/self-signed.*trust it for this server/)
  })

  it('a certificate from an unknown authority names the authority problem and the names', async () => {
    const ca = createTestCa('Unknown Home CA')
    const leaf = ca.issue(['IP:127.0.0.1', 'DNS:plex.home.arpa'])
    const server = await servedWith(leaf)
    const error = await certificateFailure(server, globalThis.fetch)
    expect(error.certificate.reason).toBe('untrusted')
    expect(error.certificate.names).toEqual(['127.0.0.1', 'plex.home.arpa'])
    expect(error.message).toMatch(/authority this computer does not trust/)
  })

  it('an expired certificate says so, with its end date', async () => {
    const ca = createTestCa()
    const leaf = ca.issue(['IP:127.0.0.1'], { expired: true })
    const server = await servedWith(leaf)
    const error = await certificateFailure(server, fetchTrusting(ca.cert))
    expect(error.certificate.reason).toBe('expired')
    expect(error.message).toMatch(/expired or not yet valid \(valid until Jan {1,2}2 00:00:00 2020 GMT\)/)
  })

  it('a valid certificate for the address works as before', async () => {
    const ca = createTestCa()
    const server = await servedWith(ca.issue(['IP:127.0.0.1']))
    const { plex } = clientFor(server, fetchTrusting(ca.cert))
    expect((await plex.sections()).length).toBeGreaterThan(0)
  })

  it('reaches the window and the CLI as CERTIFICATE with the details, never the token', async () => {
    const self = createSelfSigned(['DNS:plex.example'])
    const server = await servedWith(self)
    const error = await certificateFailure(server, globalThis.fetch)
    const info = toServiceError(error, [server.token]).info
    expect(info.code).toBe('CERTIFICATE')
    expect(info.certificate).toMatchObject({
      origin: server.url,
      reason: 'self-signed',
      names: ['plex.example'],
      fingerprint256: self.fingerprint256,
    })
    expect(JSON.stringify(info)).not.toContain(server.token)
  })
})
