import { describe, expect, it } from 'vitest'
import { createHandlerTable } from '../../../src/main/ipc/handler-table'
import { fetchWithTrustedCertificates } from '../../../src/main/pinned-node-fetch'
import { CertificatePins } from '../../../src/main/settings/certificate-pins'
import { fakePlex } from '../../support/fake-plex'
import { tempDir } from '../../support/temp-dir'
import { createSelfSigned } from '../../support/test-certificates'
import { openController } from './support'

describe('the window trusts a certificate only after seeing it, for that server only', () => {
  it('test fails with the certificate details; a confirmed fingerprint is pinned; the retest passes', async () => {
    const self = createSelfSigned(['DNS:plex.home'])
    const server = await fakePlex({ tls: { cert: self.cert, key: self.key } })
    const dataDir = tempDir('plex-cache-trust-')
    let refreshed = 0
    const { controller } = await openController({
      dataDir,
      fetch: fetchWithTrustedCertificates(dataDir),
      onCertificateTrusted: () => refreshed++,
    })
    const handlers = createHandlerTable(controller)

    const first = await handlers.testConnection({ url: server.url, token: server.token })
    expect(first).toMatchObject({
      ok: false,
      error: {
        code: 'CERTIFICATE',
        certificate: {
          origin: server.url,
          reason: 'self-signed',
          names: ['plex.home'],
          fingerprint256: self.fingerprint256,
        },
      },
    })
    expect(JSON.stringify(first)).not.toContain(server.token)

    // A fingerprint the server does not present is refused, and nothing is stored.
    const other = createSelfSigned(['DNS:plex.home'])
    const wrong = await handlers.trustCertificate({ url: server.url, fingerprint256: other.fingerprint256 })
    expect(wrong).toMatchObject({ ok: false, error: { code: 'CERTIFICATE' } })
    expect(new CertificatePins(dataDir).list()).toEqual([])

    const trusted = await handlers.trustCertificate({ url: server.url, fingerprint256: self.fingerprint256 })
    expect(trusted).toEqual({
      ok: true,
      value: { origin: server.url, fingerprint256: self.fingerprint256, names: ['plex.home'] },
    })
    expect(refreshed).toBe(1)
    const retest = await handlers.testConnection({ url: server.url, token: server.token })
    expect(retest).toMatchObject({ ok: true, value: { libraryCount: 4 } })
  })
})
