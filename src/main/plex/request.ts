import { readBodyText } from './body'
import { asObject, type JsonObject } from './coerce'
import {
  PlexAbortError,
  PlexAuthError,
  PlexError,
  PlexNotFoundError,
  PlexProtocolError,
  PlexRequestError,
  PlexUnavailableError,
} from './errors'
import { parseRetryAfter } from './retry-after'
import type { FetchFunction } from './types'

export interface HttpSettings {
  baseUrl: string
  /** X-Plex-* identity headers including the token, plus Accept and Accept-Encoding. */
  headers: Record<string, string>
  fetch: FetchFunction
  timeoutMs: number
  /** Decoded bytes one response body may have; more is refused (body.ts). */
  maxResponseBytes: number
}

export type Query = Record<string, string | number | undefined>

export interface PlexResponse {
  container: JsonObject
  headers: Headers
  /** Decoded body length, for a listing's byte cap (paging.ts). */
  bytes: number
}

export interface RequestDetails {
  signal?: AbortSignal
  /** A friendlier message for a 404 than "nothing at <path>", e.g. naming the missing section. */
  notFoundMessage?: string
}

/**
 * One GET with the identity headers, a timeout covering headers and body, and the caller's abort
 * signal; maps every failure to a typed PlexError. Retrying is the caller's business (retry.ts).
 */
export async function getContainer(
  http: HttpSettings,
  path: string,
  query: Query,
  details: RequestDetails = {},
): Promise<PlexResponse> {
  const { signal } = details
  if (signal?.aborted) throw new PlexAbortError()
  const timeout = new AbortController()
  const timer = setTimeout(() => timeout.abort(), http.timeoutMs)
  const combined = signal ? AbortSignal.any([signal, timeout.signal]) : timeout.signal
  const what = `GET ${path}`
  try {
    const response = await http.fetch(buildUrl(http.baseUrl, path, query), {
      method: 'GET',
      headers: http.headers,
      signal: combined,
    })
    if (!response.ok) {
      // Free the connection; the error bodies are small HTML or XML the user does not need.
      await response.body?.cancel().catch(() => undefined)
      throw statusError(response, what, details.notFoundMessage)
    }
    // Bounded, unlike response.text(): a huge or endless body must not exhaust memory.
    const text = await readBodyText(response, http.maxResponseBytes, what)
    return { container: parseContainer(text, what), headers: response.headers, bytes: text.length }
  } catch (error) {
    if (signal?.aborted) throw new PlexAbortError()
    if (timeout.signal.aborted) {
      throw new PlexUnavailableError(
        `The Plex server did not answer ${what} within ${http.timeoutMs} ms; it may be busy or unreachable.`,
      )
    }
    if (error instanceof PlexError) throw error
    throw networkError(error, http.baseUrl)
  } finally {
    clearTimeout(timer)
  }
}

function buildUrl(baseUrl: string, path: string, query: Query): string {
  const parameters = new URLSearchParams()
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) parameters.set(name, String(value))
  }
  const search = parameters.toString()
  return `${baseUrl}${path}${search === '' ? '' : `?${search}`}`
}

function statusError(response: Response, what: string, notFoundMessage: string | undefined): PlexError {
  const status = response.status
  if (status === 401) {
    return new PlexAuthError('The Plex server rejected the token (401 Unauthorized). Check the token.', {
      status,
    })
  }
  if (status === 403) {
    return new PlexAuthError('The Plex server refused access with this token (403 Forbidden).', { status })
  }
  if (status === 404) {
    return new PlexNotFoundError(
      notFoundMessage ?? `The Plex server has nothing at ${what} (404 Not Found).`,
      {
        status,
      },
    )
  }
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'))
    return new PlexUnavailableError(
      `The Plex server is receiving too many requests (429 Too Many Requests)${waitHint(retryAfterMs)}.`,
      { status, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) },
    )
  }
  if (status === 503) {
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'))
    return new PlexUnavailableError(
      `The Plex server is temporarily unavailable (503); it may be starting up or running maintenance${waitHint(retryAfterMs)}.`,
      { status, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) },
    )
  }
  if (status >= 500) {
    return new PlexUnavailableError(`The Plex server failed on ${what} (HTTP ${status}).`, { status })
  }
  return new PlexRequestError(`The Plex server refused ${what} as a bad request (HTTP ${status}).`, {
    status,
  })
}

function waitHint(retryAfterMs: number | undefined): string {
  return retryAfterMs === undefined ? '' : `; it asked to wait ${Math.ceil(retryAfterMs / 1000)} s`
}

function parseContainer(text: string, what: string): JsonObject {
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    const hint = text.trimStart().startsWith('<') ? ' (it sent XML or HTML; is this a Plex server?)' : ''
    throw new PlexProtocolError(`The Plex server's answer to ${what} was not valid JSON${hint}.`)
  }
  const container = asObject(asObject(body)?.MediaContainer)
  if (!container) {
    throw new PlexProtocolError(`The Plex server's answer to ${what} had no MediaContainer.`)
  }
  return container
}

/** Names the failure from the socket error code; the base URL is safe to show (it carries no token). */
function networkError(error: unknown, baseUrl: string): PlexUnavailableError {
  const code = errorCode(error)
  const reason =
    code === 'ECONNREFUSED'
      ? 'the connection was refused (is the server running?)'
      : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
        ? 'the host name could not be resolved'
        : code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE'
          ? 'the connection was closed unexpectedly'
          : code === 'ETIMEDOUT' || code === 'UND_ERR_CONNECT_TIMEOUT'
            ? 'the connection timed out'
            : 'a network error occurred'
  return new PlexUnavailableError(`Could not talk to the Plex server at ${baseUrl}: ${reason}.`, {
    cause: error,
  })
}

/** undici wraps the socket error: TypeError('fetch failed') with `cause.code`. */
function errorCode(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string') return code
    current = (current as { cause?: unknown }).cause
  }
  return undefined
}
