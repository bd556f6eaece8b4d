/**
 * Every failure the client reports is one of these, so callers (the service, the IPC envelope, the
 * settings screen) can branch on `code` and show `message` to a person as it is. Messages never
 * carry the token: the client sends it only as a header, and never echoes URLs a user typed.
 */
export type PlexErrorCode =
  | 'config'
  | 'auth'
  | 'not_found'
  | 'bad_request'
  | 'unavailable'
  | 'protocol'
  | 'aborted'
  | 'certificate'
  | 'redirect'

export interface PlexErrorOptions {
  status?: number
  cause?: unknown
  retryAfterMs?: number
}

export abstract class PlexError extends Error {
  abstract readonly code: PlexErrorCode
  /** Whether trying the same request again later may succeed. */
  readonly retryable: boolean = false
  /** HTTP status when the server answered, absent for network failures. */
  readonly status: number | undefined
  /**
   * How long the server asked us to wait before trying again (its Retry-After header on a 429 or
   * 503), in ms; absent when it did not say. A retry loop should wait at least this long, capped.
   */
  readonly retryAfterMs: number | undefined

  constructor(message: string, options: PlexErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = new.target.name
    this.status = options.status
    this.retryAfterMs = options.retryAfterMs
  }
}

/** A bad base URL or option, caught before any request is made. */
export class PlexConfigError extends PlexError {
  readonly code = 'config'
}

/** 401 (or 403): the token is missing, wrong or lacks access. */
export class PlexAuthError extends PlexError {
  readonly code = 'auth'
}

/** 404: the section or path does not exist on this server. */
export class PlexNotFoundError extends PlexError {
  readonly code = 'not_found'
}

/** 400 or another 4xx: the request itself was wrong, so repeating it cannot help. */
export class PlexRequestError extends PlexError {
  readonly code = 'bad_request'
}

/** 429, 503, other 5xx, a timeout, a refused or reset connection: the server may come back. */
export class PlexUnavailableError extends PlexError {
  readonly code = 'unavailable'
  override readonly retryable: boolean = true
}

/**
 * The host name does not resolve (ENOTFOUND, net::ERR_NAME_NOT_RESOLVED). Still "unavailable" for
 * the cache (the copy it has is the best answer), but not retried: waiting does not make a name
 * resolve, and for a *.plex.direct name it usually means the router filters such names.
 */
export class PlexNameNotResolvedError extends PlexUnavailableError {
  override readonly retryable = false
}

/** Why the server's certificate was refused. */
export type CertificateProblemReason =
  /** Valid, but for other names (a *.plex.direct certificate reached by IP address). */
  | 'wrong-name'
  /** Signed by its own key. */
  | 'self-signed'
  /** Signed by an authority this computer does not trust. */
  | 'untrusted'
  /** Past its end date, or not yet valid. */
  | 'expired'
  /** Pinned by the user, but the server now presents another certificate. */
  | 'pin-mismatch'
  | 'invalid'

/** What the user needs to decide whether to trust a certificate; never holds the token. */
export interface CertificateProblem {
  /** https://host:port, the origin a pin would be stored for. */
  origin: string
  host: string
  port: number
  reason: CertificateProblemReason
  /** The DNS names and IP addresses the certificate is for (subjectAltName, else the common name). */
  names: string[]
  /** SHA-256 of the DER certificate, colon-separated upper-case hex; absent when the probe failed. */
  fingerprint256?: string
  /** When the certificate stops being valid, as the certificate says it. */
  validTo?: string
  /** A working address when one can be derived (the dashed plex.direct name for an IP address). */
  suggestedUrl?: string
}

/** TLS verification failed; retrying cannot help, the user must change the address or trust the certificate. */
export class PlexCertificateError extends PlexError {
  readonly code = 'certificate'

  constructor(
    message: string,
    readonly certificate: CertificateProblem,
    options: PlexErrorOptions = {},
  ) {
    super(message, options)
  }
}

/** The server redirected somewhere the token must not follow (another origin, or https to http). */
export class PlexRedirectError extends PlexError {
  readonly code = 'redirect'

  constructor(
    message: string,
    /** The redirect's target host, when it is known (Electron's net stack hides it). */
    readonly targetHost: string | undefined,
    options: PlexErrorOptions = {},
  ) {
    super(message, options)
  }
}

/** The server answered, but not with what a Plex server sends (malformed JSON, wrong shape, endless paging). */
export class PlexProtocolError extends PlexError {
  readonly code = 'protocol'
}

/**
 * The caller aborted through its AbortSignal. Named 'AbortError' like the DOM's, so code that checks
 * `error.name === 'AbortError'` to ignore cancellations keeps working.
 */
export class PlexAbortError extends PlexError {
  readonly code = 'aborted'

  constructor(message = 'The request to the Plex server was cancelled.') {
    super(message)
    this.name = 'AbortError'
  }
}

export function isRetryable(error: unknown): boolean {
  return error instanceof PlexError && error.retryable
}
