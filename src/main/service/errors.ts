import { redactSecrets } from '../../shared/redact'
import { CacheArgumentError, CacheStorageError } from '../cache'
import {
  PlexAbortError,
  PlexAuthError,
  PlexCertificateError,
  PlexConfigError,
  PlexError,
  PlexNotFoundError,
  PlexProtocolError,
  PlexRedirectError,
  PlexRequestError,
  PlexUnavailableError,
  type CertificateProblem,
} from '../plex'
import type { CertificateDetails, ServiceErrorInfo } from '../../shared/service-types'

type ErrorCode = ServiceErrorInfo['code']

/** What every CacheService method throws: a stable code the UI and the CLI branch on, and a readable message. */
export class ServiceError extends Error {
  readonly info: ServiceErrorInfo

  constructor(
    code: ErrorCode,
    message: string,
    options: { cause?: unknown; certificate?: CertificateDetails; status?: number } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'ServiceError'
    this.info = {
      code,
      message,
      status: options.status,
      certificate: options.certificate,
    }
  }

  get code(): ErrorCode {
    return this.info.code
  }
}

/**
 * Maps a Plex client, cache or unexpected error to a ServiceError. `secrets` (the token) are cut out
 * of the message, so nothing a user pastes into a bug report can leak the token.
 */
export function toServiceError(error: unknown, secrets: readonly string[] = []): ServiceError {
  if (error instanceof ServiceError) return redacted(error, secrets)
  const message = redactSecrets(error instanceof Error ? error.message : String(error), secrets)
  if (error instanceof PlexCertificateError) {
    return new ServiceError('CERTIFICATE', message, {
      cause: error,
      certificate: certificateDetails(error.certificate),
    })
  }
  // The status tells a 503 (maintenance) from a network failure, both UNREACHABLE.
  const status = error instanceof PlexError ? error.status : undefined
  return new ServiceError(codeFor(error), message, { cause: error, status })
}

/** Only the fields the user needs; host and port are in the origin. */
function certificateDetails(problem: CertificateProblem): CertificateDetails {
  const { origin, reason, names, fingerprint256, validTo, suggestedUrl } = problem
  return {
    origin,
    reason,
    names: [...names],
    fingerprint256,
    validTo,
    suggestedUrl,
  }
}

function codeFor(error: unknown): ErrorCode {
  if (error instanceof PlexAuthError) return 'AUTH'
  if (error instanceof CacheStorageError) return 'STORAGE'
  if (error instanceof PlexUnavailableError) return 'UNREACHABLE'
  if (error instanceof PlexNotFoundError) return 'NOT_FOUND'
  // A refused redirect says the server is misconfigured (or hostile), like a malformed answer.
  if (
    error instanceof PlexProtocolError ||
    error instanceof PlexRequestError ||
    error instanceof PlexRedirectError
  )
    return 'PROTOCOL'
  if (error instanceof PlexConfigError || error instanceof CacheArgumentError) return 'INVALID_ARGUMENT'
  if (error instanceof PlexAbortError) return 'INTERNAL'
  if (error instanceof PlexError) return 'PROTOCOL'
  return 'INTERNAL'
}

function redacted(error: ServiceError, secrets: readonly string[]): ServiceError {
  const message = redactSecrets(error.message, secrets)
  if (message === error.message) return error
  const { certificate, status } = error.info
  return new ServiceError(error.code, message, { cause: error.cause, certificate, status })
}

/**
 * Plex failures after which an expired copy is better than nothing. PROTOCOL is one: a server
 * answering garbage (malformed, truncated or oversized bodies, endless paging) says nothing about
 * the cached copy, which stays the best answer there is (issue 7: stale data served on every fault).
 * AUTH and NOT_FOUND are not: the user must fix the token, and a deleted library must go.
 */
export function allowsStaleServing(error: ServiceError): boolean {
  // CERTIFICATE too: the copy came from this server before its certificate changed or was refused.
  return (
    error.code === 'UNREACHABLE' ||
    error.code === 'NOT_CONFIGURED' ||
    error.code === 'PROTOCOL' ||
    error.code === 'CERTIFICATE' ||
    // The user stopped the fetch: the copy they chose to keep still answers.
    error.code === 'CANCELLED'
  )
}
