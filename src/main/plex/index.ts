export { PlexClient, DEFAULT_PAGE_SIZE } from './plex-client'
export { normalizeBaseUrl } from './base-url'
export { isLoopbackHost } from './loopback'
export { extractItem, extractSection } from './extract'
export { PlexMetadataType, leafTypeFor, leafTypesFor } from './plex-types'
export {
  PlexError,
  PlexConfigError,
  PlexAuthError,
  PlexNotFoundError,
  PlexRequestError,
  PlexUnavailableError,
  PlexProtocolError,
  PlexAbortError,
  PlexCertificateError,
  PlexNameNotResolvedError,
  PlexRedirectError,
  isRetryable,
  type CertificateProblem,
  type CertificateProblemReason,
  type PlexErrorCode,
} from './errors'
export type * from './types'
