import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { FakePlexServer } from '../../../src/fake-plex'
import { PlexCertificateError, PlexClient, type FetchFunction } from '../../../src/main/plex'
import { pinnedFetch } from '../../../src/main/plex/pinned-fetch'
import {
  CERTIFICATE_PINS_FILE,
  CertificatePins,
  normalizeFingerprint,
} from '../../../src/main/settings/certificate-pins'
import { fakePlex } from '../../support/fake-plex'
import { tempDir } from '../../support/temp-dir'
import { createSelfSigned } from '../../support/test-certificates'

function clientFor(server: FakePlexServer, fetch: FetchFunction) {
  const sleeps: number[] = []
  const plex = new PlexClient({
    baseUrl: server.url,
    token: server.token,
    clientIdentifier: 'pin-test',
    fetch,
    retries: 3,
    sleep: async (ms) => {
      sleeps.push(ms)
    },
  })
  return { plex, sleeps }
}

describe('trusting one certificate for one server', () => {
  it('stores pins once, owner-only, normalised, for https origins only', () => {
    const dataDir = tempDir()
    const pins = new CertificatePins(dataDir)
    const fingerprint = 'ab'.repeat(32)
    pins.trust('https://192.168.1.10:32400/some/path', fingerprint, ['plex.local'])
    const file = path.join(dataDir, CERTIFICATE_PINS_FILE)
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600)
    // Another instance (the CLI beside the app) reads the same file.
    const again = new CertificatePins(dataDir)
    expect(again.fingerprintFor('https://192.168.1.10:32400')).toBe(normalizeFingerprint(fingerprint))
    expect(again.fingerprintFor('https://192.168.1.10:32401')).toBeUndefined()
    expect(again.fingerprintsForHost('192.168.1.10')).toEqual([normalizeFingerprint(fingerprint)])
    expect(() => again.trust('http://192.168.1.10:32400', fingerprint, [])).toThrow(/Only an https/)
    expect(again.remove('https://192.168.1.10:32400')).toBe(true)
    expect(again.remove('https://192.168.1.10:32400')).toBe(false)
    expect(pins.list()).toEqual([])
  })

  it('reads fingerprints as people paste them and refuses anything else', () => {
    const colons = 'AB:'.repeat(31) + 'AB'
    expect(normalizeFingerprint('ab'.repeat(32))).toBe(colons)
    expect(normalizeFingerprint(`sha256:${colons.toLowerCase()}`)).toBe(colons)
    expect(() => normalizeFingerprint('AB:CD')).toThrow(/64 hexadecimal/)
    expect(() => normalizeFingerprint('zz'.repeat(32))).toThrow(/64 hexadecimal/)
  })

  it('under Node, accepts the pinned certificate and only at its origin', async () => {
    const self = createSelfSigned(['DNS:plex.example'])
    const pinnedServer = await fakePlex({ tls: { cert: self.cert, key: self.key } })
    const unpinnedServer = await fakePlex({ tls: { cert: self.cert, key: self.key } })
    const pins = new CertificatePins(tempDir())
    pins.trust(pinnedServer.url, self.fingerprint256, ['plex.example'])
    const fetch = pinnedFetch((origin) => pins.fingerprintFor(origin))
    expect((await clientFor(pinnedServer, fetch).plex.sections()).length).toBeGreaterThan(0)
    // Same certificate, another port: another origin, so still refused.
    const refused = await clientFor(unpinnedServer, fetch)
      .plex.sections()
      .catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(PlexCertificateError)
    expect((refused as PlexCertificateError).certificate.reason).toBe('self-signed')
  })

  it('refuses a server whose certificate is not the pinned one, before sending it anything', async () => {
    const pinned = createSelfSigned(['DNS:plex.example'])
    const impostor = createSelfSigned(['DNS:plex.example'])
    const server = await fakePlex({ tls: { cert: impostor.cert, key: impostor.key } })
    const pins = new CertificatePins(tempDir())
    pins.trust(server.url, pinned.fingerprint256, ['plex.example'])
    const { plex, sleeps } = clientFor(
      server,
      pinnedFetch((origin) => pins.fingerprintFor(origin)),
    )
    const error = await plex.sections().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PlexCertificateError)
    expect((error as PlexCertificateError).certificate).toMatchObject({
      reason: 'pin-mismatch',
      fingerprint256: impostor.fingerprint256,
    })
    expect((error as Error).message).toMatch(/different certificate .* from the one you trusted/)
    expect(server.controls.requestLog()).toEqual([])
    expect(sleeps).toEqual([])
  })

  it('leaves plain http and unpinned servers to the ordinary fetch', async () => {
    const server = await fakePlex()
    let fallbackCalls = 0
    const fetch = pinnedFetch(
      () => 'AB:'.repeat(31) + 'AB',
      (url, init) => {
        fallbackCalls++
        return globalThis.fetch(url, init)
      },
    )
    await clientFor(server, fetch).plex.sections()
    expect(fallbackCalls).toBe(1)
  })
})
