import type { CertificateProblemReason } from './errors'

/**
 * What went wrong below HTTP, whichever network stack saw it. Node's fetch (undici) rejects with
 * TypeError('fetch failed') whose `cause.code` is a socket or TLS code; Electron's net.fetch rejects
 * with Error('net::ERR_…') and no code. Both land on the same kind, so the user gets one message and
 * one fix for one problem, in the CLI and in the window alike.
 */
export type NetworkFailure =
  | { kind: 'refused' | 'reset' | 'timeout' | 'unreachable' | 'offline' | 'name-temporary' }
  | { kind: 'name-not-resolved' }
  | { kind: 'certificate'; reason: CertificateProblemReason }
  /** Electron's net.fetch with redirect: 'manual' refuses a redirect without telling where it pointed. */
  | { kind: 'redirect-refused' }
  | { kind: 'unknown' }

type Kind = NetworkFailure['kind']

const NODE_CODES: Record<string, NetworkFailure> = {
  ECONNREFUSED: { kind: 'refused' },
  ENOTFOUND: { kind: 'name-not-resolved' },
  EAI_AGAIN: { kind: 'name-temporary' },
  ECONNRESET: { kind: 'reset' },
  EPIPE: { kind: 'reset' },
  UND_ERR_SOCKET: { kind: 'reset' },
  ETIMEDOUT: { kind: 'timeout' },
  UND_ERR_CONNECT_TIMEOUT: { kind: 'timeout' },
  EHOSTUNREACH: { kind: 'unreachable' },
  ENETUNREACH: { kind: 'unreachable' },
  ENETDOWN: { kind: 'offline' },
  ERR_TLS_CERT_ALTNAME_INVALID: { kind: 'certificate', reason: 'wrong-name' },
  DEPTH_ZERO_SELF_SIGNED_CERT: { kind: 'certificate', reason: 'self-signed' },
  SELF_SIGNED_CERT_IN_CHAIN: { kind: 'certificate', reason: 'untrusted' },
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: { kind: 'certificate', reason: 'untrusted' },
  UNABLE_TO_GET_ISSUER_CERT: { kind: 'certificate', reason: 'untrusted' },
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: { kind: 'certificate', reason: 'untrusted' },
  CERT_UNTRUSTED: { kind: 'certificate', reason: 'untrusted' },
  CERT_HAS_EXPIRED: { kind: 'certificate', reason: 'expired' },
  CERT_NOT_YET_VALID: { kind: 'certificate', reason: 'expired' },
  CERT_SIGNATURE_FAILURE: { kind: 'certificate', reason: 'invalid' },
  CERT_REVOKED: { kind: 'certificate', reason: 'invalid' },
  /** Our own pinning connector (pinned-fetch.ts) when the server's certificate is not the pinned one. */
  PLEX_CACHE_PIN_MISMATCH: { kind: 'certificate', reason: 'pin-mismatch' },
}

/** Chromium's names (net/base/net_error_list.h) for the same failures. */
const ELECTRON_ERRORS: Record<string, NetworkFailure> = {
  'net::ERR_CONNECTION_REFUSED': { kind: 'refused' },
  'net::ERR_NAME_NOT_RESOLVED': { kind: 'name-not-resolved' },
  'net::ERR_NAME_RESOLUTION_FAILED': { kind: 'name-temporary' },
  'net::ERR_CONNECTION_RESET': { kind: 'reset' },
  'net::ERR_CONNECTION_CLOSED': { kind: 'reset' },
  'net::ERR_EMPTY_RESPONSE': { kind: 'reset' },
  'net::ERR_NETWORK_CHANGED': { kind: 'reset' },
  'net::ERR_TIMED_OUT': { kind: 'timeout' },
  'net::ERR_CONNECTION_TIMED_OUT': { kind: 'timeout' },
  'net::ERR_ADDRESS_UNREACHABLE': { kind: 'unreachable' },
  'net::ERR_NETWORK_ACCESS_DENIED': { kind: 'unreachable' },
  'net::ERR_INTERNET_DISCONNECTED': { kind: 'offline' },
  'net::ERR_CERT_COMMON_NAME_INVALID': { kind: 'certificate', reason: 'wrong-name' },
  // Chromium does not tell self-signed from an unknown authority; the probe does (certificate-probe.ts).
  'net::ERR_CERT_AUTHORITY_INVALID': { kind: 'certificate', reason: 'untrusted' },
  'net::ERR_CERT_DATE_INVALID': { kind: 'certificate', reason: 'expired' },
  'net::ERR_CERT_INVALID': { kind: 'certificate', reason: 'invalid' },
  'net::ERR_CERT_REVOKED': { kind: 'certificate', reason: 'invalid' },
  'net::ERR_CERT_WEAK_KEY': { kind: 'certificate', reason: 'invalid' },
  'net::ERR_CERT_WEAK_SIGNATURE_ALGORITHM': { kind: 'certificate', reason: 'invalid' },
  'Redirect was cancelled': { kind: 'redirect-refused' },
}

export function classifyNetworkError(error: unknown): NetworkFailure {
  for (let current: unknown = error, depth = 0; current && depth < 4; depth++) {
    const { code, message } = current as { code?: unknown; message?: unknown }
    if (typeof code === 'string' && NODE_CODES[code]) return NODE_CODES[code]
    if (typeof message === 'string') {
      const electron = ELECTRON_ERRORS[message.trim()]
      if (electron) return electron
      // Any other certificate error Chromium may add later is still a certificate error.
      if (message.startsWith('net::ERR_CERT_')) return { kind: 'certificate', reason: 'invalid' }
    }
    current = (current as { cause?: unknown }).cause
  }
  return { kind: 'unknown' }
}

const REASONS: Record<Exclude<Kind, 'certificate' | 'redirect-refused'>, string> = {
  refused: 'the connection was refused (is the server running?)',
  reset: 'the connection was closed unexpectedly',
  timeout: 'the connection timed out',
  unreachable: 'the address cannot be reached from this network',
  offline: 'this computer is offline',
  'name-temporary': 'the host name could not be resolved right now',
  'name-not-resolved': 'the host name could not be resolved',
  unknown: 'a network error occurred',
}

/** The sentence after "Could not talk to the Plex server at …:" for a failure that is not about TLS. */
export function networkReason(failure: NetworkFailure): string {
  return failure.kind === 'certificate' || failure.kind === 'redirect-refused'
    ? REASONS.unknown
    : REASONS[failure.kind]
}
