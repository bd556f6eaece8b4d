import { probeCertificate } from '../plex/certificate-probe'
import { ServiceError } from '../service'
import { normalizeFingerprint, originOf, type CertificatePins } from '../settings/certificate-pins'
import type { TrustedCertificate } from '../../shared/service-types'

const PROBE_TIMEOUT_MS = 5_000

/**
 * Pins the certificate a server presents, for that server's origin only, after the user saw its
 * fingerprint and confirmed. The fingerprint the user confirmed must be the one the server
 * presents now: a certificate swapped between the prompt and the answer is refused, not trusted.
 * Shared by the window (the trustCertificate operation) and `plex-cache trust-certificate`.
 */
export async function trustServerCertificate(
  pins: CertificatePins,
  url: string,
  confirmedFingerprint: string,
): Promise<TrustedCertificate> {
  let origin: string
  let expected: string
  try {
    origin = originOf(url)
    expected = normalizeFingerprint(confirmedFingerprint)
  } catch (error) {
    throw new ServiceError('INVALID_ARGUMENT', (error as Error).message)
  }
  const { hostname, port } = new URL(origin)
  const host = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname
  const presented = await probeCertificate(host, Number(port || 443), PROBE_TIMEOUT_MS)
  if (!presented) {
    throw new ServiceError(
      'UNREACHABLE',
      `Could not read the certificate of ${origin}: the server did not answer a TLS connection.`,
    )
  }
  if (presented.fingerprint256 !== expected) {
    throw new ServiceError(
      'CERTIFICATE',
      `${origin} now presents a certificate with SHA-256 fingerprint ${presented.fingerprint256}, not the ${expected} that was confirmed; nothing was trusted.`,
    )
  }
  const pin = pins.trust(origin, expected, presented.names)
  return { origin: pin.origin, fingerprint256: pin.fingerprint256, names: pin.names }
}

/** Forgets the certificate trusted for a server's origin; says whether there was one. */
export function removeTrustedCertificate(pins: CertificatePins, url: string): boolean {
  try {
    return pins.remove(originOf(url))
  } catch (error) {
    throw new ServiceError('INVALID_ARGUMENT', (error as Error).message)
  }
}
