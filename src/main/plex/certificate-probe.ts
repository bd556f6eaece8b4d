import { isIP } from 'node:net'
import tls from 'node:tls'

/** What a server's certificate says about itself, read without trusting it. */
export interface PresentedCertificate {
  /** subjectAltName DNS names and IP addresses; the common name when there are none. */
  names: string[]
  /** Colon-separated upper-case hex, as node:tls and node:crypto print it. */
  fingerprint256: string
  validTo: string
  /** Issued by itself: issuer and subject are the same, or OpenSSL said so. */
  selfSigned: boolean
}

/**
 * Opens a TLS connection only to read the certificate the server presents, then closes it: no HTTP
 * request is written, so nothing (least of all the token) reaches a server we do not trust. The
 * fetch error alone cannot give the names and fingerprint the user needs to decide, and Electron's
 * net.fetch gives only "net::ERR_CERT_…". node:tls works in Node and in Electron's main process.
 * Resolves undefined when the server cannot be reached or does not finish the handshake in time.
 */
export function probeCertificate(
  host: string,
  port: number,
  timeoutMs: number,
): Promise<PresentedCertificate | undefined> {
  return new Promise((resolve) => {
    const socket = tls.connect({
      host,
      port,
      // SNI carries host names only; an IP address there is not allowed (RFC 6066 §3).
      ...(isIP(host) === 0 ? { servername: host } : {}),
      rejectUnauthorized: false,
    })
    const finish = (result: PresentedCertificate | undefined): void => {
      clearTimeout(timer)
      socket.destroy()
      resolve(result)
    }
    const timer = setTimeout(() => finish(undefined), timeoutMs)
    socket.once('error', () => finish(undefined))
    socket.once('secureConnect', () => {
      const certificate = socket.getPeerCertificate()
      if (!certificate || !certificate.fingerprint256) return finish(undefined)
      const authorizationError = String(socket.authorizationError ?? '')
      finish({
        names: certificateNames(certificate),
        fingerprint256: certificate.fingerprint256,
        validTo: certificate.valid_to,
        selfSigned:
          authorizationError === 'DEPTH_ZERO_SELF_SIGNED_CERT' ||
          sameName(certificate.subject, certificate.issuer),
      })
    })
  })
}

function certificateNames(certificate: tls.PeerCertificate): string[] {
  const names = (certificate.subjectaltname ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .flatMap((entry) => {
      const match = /^(?:DNS|IP Address):(.+)$/.exec(entry)
      return match?.[1] ? [match[1]] : []
    })
  if (names.length > 0) return names
  const commonName = certificate.subject?.CN
  return typeof commonName === 'string' && commonName !== '' ? [commonName] : []
}

function sameName(a: object | undefined, b: object | undefined): boolean {
  return a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b)
}
