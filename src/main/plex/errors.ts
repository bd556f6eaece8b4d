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
  override readonly retryable = true
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
