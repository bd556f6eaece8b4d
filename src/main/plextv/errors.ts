/**
 * Everything the plex.tv client reports: a code to branch on and a sentence for a person. Messages
 * never carry a token: tokens travel only in headers and plex.tv's own messages do not echo them.
 */
export type PlexTvErrorCode =
  /** The PIN expired or plex.tv no longer knows it (404, code 1020). */
  | 'pin_expired'
  /** The account token was refused (401, code 1001). */
  | 'auth'
  /** plex.tv could not be reached, timed out or failed (5xx). */
  | 'unavailable'
  /** plex.tv answered something that is not what it sends. */
  | 'protocol'
  /** plex.tv refused the request for another reason (the message is plex.tv's). */
  | 'rejected'
  /** The user cancelled. */
  | 'cancelled'

export class PlexTvError extends Error {
  constructor(
    readonly code: PlexTvErrorCode,
    message: string,
    readonly status?: number,
    /** plex.tv's own error code (1020, 1001, …) when it sent one. */
    readonly plexCode?: number,
  ) {
    super(message)
    this.name = 'PlexTvError'
  }
}

interface PlexTvErrorBody {
  code?: number
  message?: string
}

/** plex.tv's `{"errors":[{code,message,status}]}`, or undefined when the body is something else. */
export function firstPlexTvError(body: unknown): PlexTvErrorBody | undefined {
  const errors = (body as { errors?: unknown } | null)?.errors
  if (!Array.isArray(errors) || errors.length === 0) return undefined
  const first = errors[0] as { code?: unknown; message?: unknown }
  return {
    code: typeof first.code === 'number' ? first.code : undefined,
    message: typeof first.message === 'string' ? first.message.slice(0, 200) : undefined,
  }
}

export const PIN_NOT_FOUND_CODE = 1020
export const NOT_AUTHENTICATED_CODE = 1001

/** A typed error for a plex.tv answer that is not 2xx. */
export function plexTvStatusError(status: number, body: unknown, what: string): PlexTvError {
  const detail = firstPlexTvError(body)
  const said = detail?.message ? `: ${detail.message}` : ''
  if (status === 404 && (detail?.code === PIN_NOT_FOUND_CODE || what.startsWith('the PIN'))) {
    return new PlexTvError(
      'pin_expired',
      'The sign-in code expired before it was approved. Start signing in again.',
      status,
      detail?.code,
    )
  }
  if (status === 401 || detail?.code === NOT_AUTHENTICATED_CODE) {
    return new PlexTvError(
      'auth',
      `plex.tv did not accept the sign-in (401${said}). Sign in with Plex again.`,
      status,
      detail?.code,
    )
  }
  if (status >= 500 || status === 429) {
    return new PlexTvError(
      'unavailable',
      `plex.tv failed on ${what} (HTTP ${status}${said}); try again later.`,
      status,
      detail?.code,
    )
  }
  return new PlexTvError('rejected', `plex.tv refused ${what} (HTTP ${status}${said}).`, status, detail?.code)
}
