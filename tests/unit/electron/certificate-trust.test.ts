import type { Session } from 'electron'
import { describe, expect, it } from 'vitest'
import { trustPinnedCertificates } from '../../../src/main/certificate-trust'
import { CertificatePins } from '../../../src/main/settings/certificate-pins'
import { tempDir } from '../../support/temp-dir'
import { createSelfSigned } from '../../support/test-certificates'

type VerifyProc = Parameters<Session['setCertificateVerifyProc']>[0]

/** A recording stand-in for the parts of Electron's Session the glue uses. */
function recordingSession() {
  const recorded = { procs: [] as VerifyProc[], connectionsClosed: 0 }
  const session = {
    setCertificateVerifyProc(proc: VerifyProc) {
      recorded.procs.push(proc)
    },
    async closeAllConnections() {
      recorded.connectionsClosed++
    },
  }
  return { session, recorded }
}

function verdict(proc: VerifyProc, hostname: string, pem: string): number {
  let answer: number | undefined
  const certificate = { data: pem } as Electron.Certificate
  proc?.(
    {
      hostname,
      certificate,
      validatedCertificate: certificate,
      isIssuedByKnownRoot: false,
      verificationResult: 'net::ERR_CERT_AUTHORITY_INVALID',
      errorCode: -202,
    },
    (result) => {
      answer = result
    },
  )
  if (answer === undefined) throw new Error('the verify procedure did not answer')
  return answer
}

describe('Electron: pinned certificates for net.fetch', () => {
  it('accepts exactly the pinned certificate for its host, and leaves all else to Chromium', () => {
    const trusted = createSelfSigned(['IP:192.168.1.10'])
    const other = createSelfSigned(['IP:192.168.1.10'])
    const pins = new CertificatePins(tempDir())
    pins.trust('https://192.168.1.10:32400', trusted.fingerprint256, ['192.168.1.10'])
    const { session, recorded } = recordingSession()
    trustPinnedCertificates(session, pins)
    const proc = recorded.procs[0]!
    expect(verdict(proc, '192.168.1.10', trusted.cert)).toBe(0)
    expect(verdict(proc, '192.168.1.10', other.cert)).toBe(-3)
    expect(verdict(proc, '192.168.1.11', trusted.cert)).toBe(-3)
    expect(verdict(proc, '192.168.1.10', 'not a certificate')).toBe(-3)
  })

  it('sees a pin added later (by the window or the CLI) and drops cached verdicts on refresh', () => {
    const trusted = createSelfSigned(['DNS:plex.home'])
    const pins = new CertificatePins(tempDir())
    const { session, recorded } = recordingSession()
    const trust = trustPinnedCertificates(session, pins)
    expect(verdict(recorded.procs[0]!, 'plex.home', trusted.cert)).toBe(-3)
    pins.trust('https://plex.home:32400', trusted.fingerprint256, ['plex.home'])
    trust.refresh()
    expect(recorded.procs).toHaveLength(2)
    expect(recorded.connectionsClosed).toBe(1)
    expect(verdict(recorded.procs[1]!, 'plex.home', trusted.cert)).toBe(0)
  })
})
