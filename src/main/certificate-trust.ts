import { X509Certificate } from 'node:crypto'
import type { Session } from 'electron'
import type { CertificatePins } from './settings/certificate-pins'

/** Chromium's verdicts for setCertificateVerifyProc: 0 accepts, -3 keeps Chromium's own. */
const ACCEPT = 0
const USE_CHROMIUM_VERDICT = -3

export interface PinnedCertificateTrust {
  /** After a pin was added or removed: Chromium may have cached its verdict for that host. */
  refresh(): void
}

/**
 * Applies the user's pinned certificates to Electron's network stack (net.fetch): a certificate
 * whose SHA-256 matches a pin for that host name is accepted; everything else gets Chromium's own
 * verdict. Never a global "ignore certificate errors". The fingerprint is computed from the PEM
 * here rather than read from `certificate.fingerprint`, whose format Electron does not document.
 */
export function trustPinnedCertificates(
  session: Pick<Session, 'setCertificateVerifyProc' | 'closeAllConnections'>,
  pins: Pick<CertificatePins, 'fingerprintsForHost'>,
): PinnedCertificateTrust {
  const install = (): void =>
    session.setCertificateVerifyProc((request, callback) => {
      const pinned = pins.fingerprintsForHost(request.hostname)
      const presented = pinned.length > 0 ? fingerprintOf(request.certificate.data) : undefined
      callback(presented !== undefined && pinned.includes(presented) ? ACCEPT : USE_CHROMIUM_VERDICT)
    })
  install()
  return {
    refresh() {
      // Setting the procedure again drops verdicts Chromium cached; open connections keep theirs.
      install()
      void session.closeAllConnections()
    },
  }
}

function fingerprintOf(pem: string): string | undefined {
  try {
    return new X509Certificate(pem).fingerprint256
  } catch {
    return undefined
  }
}
