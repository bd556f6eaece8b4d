import { isIPv4 } from 'node:net'
import { probeCertificate } from './certificate-probe'
import {
  PlexCertificateError,
  PlexNameNotResolvedError,
  type CertificateProblem,
  type CertificateProblemReason,
} from './errors'

/** Long enough for a LAN or a slow remote handshake; the user is waiting on a failed request. */
const PROBE_TIMEOUT_MS = 5_000

/**
 * Turns a refused certificate into an error a person can act on: which names the certificate is
 * for, its fingerprint (to compare before trusting it), and the fix for this case. The probe runs
 * only after the request failed, so a working connection pays nothing for it.
 */
export async function certificateError(
  reason: CertificateProblemReason,
  baseUrl: string,
  cause: unknown,
): Promise<PlexCertificateError> {
  const url = new URL(baseUrl)
  const host = unbracketed(url.hostname)
  const port = Number(url.port || 443)
  const presented = await probeCertificate(host, port, PROBE_TIMEOUT_MS)
  // Chromium says "authority invalid" for both; the certificate itself tells a self-signed one apart.
  const refined = reason === 'untrusted' && presented?.selfSigned ? 'self-signed' : reason
  const names = presented?.names ?? []
  const suggestedUrl = refined === 'wrong-name' ? plexDirectAddress(host, port, names) : undefined
  const problem: CertificateProblem = {
    origin: url.origin,
    host,
    port,
    reason: refined,
    names,
    ...(presented ? { fingerprint256: presented.fingerprint256, validTo: presented.validTo } : {}),
    suggestedUrl: suggestedUrl || undefined,
  }
  return new PlexCertificateError(certificateMessage(problem), problem, { cause })
}

export function certificateMessage(problem: CertificateProblem): string {
  const at = `The Plex server at ${problem.origin}`
  const forNames = problem.names.length > 0 ? problem.names.join(', ') : 'names it did not say'
  const fingerprint = problem.fingerprint256 ? ` (SHA-256 fingerprint ${problem.fingerprint256})` : ''
  switch (problem.reason) {
    case 'wrong-name':
      return problem.suggestedUrl
        ? `${at} presented a certificate for ${forNames}, not for ${problem.host}: use ${problem.suggestedUrl} instead.`
        : `${at} presented a certificate for ${forNames}, not for ${problem.host}: connect with a name the certificate lists, or trust this certificate for this server.`
    case 'self-signed':
      return `${at} presented a self-signed certificate${fingerprint}. If it is your server's own certificate, trust it for this server; otherwise use the server's http:// address.`
    case 'untrusted':
      return `${at} presented a certificate for ${forNames} signed by an authority this computer does not trust${fingerprint}. Add that authority to the system's trusted certificates, or trust this certificate for this server.`
    case 'expired':
      return `${at} presented a certificate that is expired or not yet valid${problem.validTo ? ` (valid until ${problem.validTo})` : ''}. Renew it on the server (Plex renews its own plex.direct certificate when it can reach plex.tv), or check this computer's date and time.`
    case 'pin-mismatch':
      return `${at} presented a different certificate${fingerprint} from the one you trusted for it. It may have been renewed, or someone may be intercepting the connection: check it on the server, then trust the new one.`
    case 'invalid':
      return `${at} presented a certificate this computer refuses as invalid${fingerprint}.`
  }
}

/**
 * Plex's certificates are for *.<hash>.plex.direct, and the working https address of a server at
 * 192.168.1.10 is 192-168-1-10.<hash>.plex.direct (plex.tv lists it as the connection's uri).
 */
export function plexDirectAddress(host: string, port: number, names: string[]): string | undefined {
  if (!isIPv4(host)) return undefined
  const wildcard = names.find((name) => /^\*\.[0-9a-z]+\.plex\.direct$/i.test(name))
  if (!wildcard) return undefined
  return `https://${host.replace(/\./g, '-')}${wildcard.slice(1)}:${port}`
}

/**
 * A name that does not resolve. For a *.plex.direct name the usual cause is a router's DNS
 * rebinding protection, which drops answers pointing into the local network; the name carries the
 * address, so the http:// alternative can be named exactly.
 */
export function nameNotResolvedError(baseUrl: string, cause: unknown): PlexNameNotResolvedError {
  const url = new URL(baseUrl)
  const dashed = /^(\d{1,3}-\d{1,3}-\d{1,3}-\d{1,3})\.[0-9a-z]+\.plex\.direct$/i.exec(url.hostname)
  if (url.hostname.toLowerCase().endsWith('.plex.direct')) {
    // Plex serves http and https on the same port (32400 unless changed).
    const port = url.port || '32400'
    const address = dashed?.[1] ? `http://${dashed[1].replace(/-/g, '.')}:${port}` : `http://IP:${port}`
    return new PlexNameNotResolvedError(
      `Could not resolve ${url.hostname}: your router may block plex.direct names (DNS rebinding protection). Allow plex.direct in the router, or use the ${address} address.`,
      { cause },
    )
  }
  return new PlexNameNotResolvedError(
    `Could not talk to the Plex server at ${baseUrl}: the host name ${url.hostname} could not be resolved; check the address.`,
    { cause },
  )
}

function unbracketed(hostname: string): string {
  return hostname.startsWith('[') ? hostname.slice(1, -1) : hostname
}
