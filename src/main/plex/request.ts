import { readBodyText } from './body'
import { certificateError, nameNotResolvedError } from './certificate-advice'
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
import { classifyNetworkError, networkReason } from './network-errors'
import { fetchWithinOrigin, redirectRefused } from './redirects'
import { parseRetryAfter } from './retry-after'
import type { FetchFunction } from './types'

export interface HttpSettings {
  baseUrl: string
  /** X-Plex-* identity headers including the token, plus Accept and Accept-Encoding. */
  headers: Record<string, string>
  fetch: FetchFunction
  /** The longest wait for the response headers, and then for each next chunk of the body. */
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
 * One GET with the identity headers and the caller's abort signal; maps every failure to a typed
 * PlexError. Retrying is the caller's business (retry.ts).
 *
 * `timeoutMs` bounds each wait, not the whole request: the wait for the response headers, then
 * every gap between body chunks. A big page that keeps flowing slowly completes; a server that
 * stops sending fails after `timeoutMs` of silence.
 */
export async function getContainer(
  http: HttpSettings,
  path: string,
  query: Query,
  details: RequestDetails = {},
): Promise<PlexResponse> {
  const { signal } = details
  if (signal?.aborted) throw new PlexAbortError()
  const watchdog = new IdleWatchdog(http.timeoutMs)
  const combined = signal ? AbortSignal.any([signal, watchdog.signal]) : watchdog.signal
  const what = `GET ${path}`
  let phase: 'headers' | 'body' = 'headers'
  try {
    const response = await fetchWithinOrigin(
      http.fetch,
      buildUrl(http.baseUrl, path, query),
      { method: 'GET', headers: http.headers, signal: combined },
      what,
    )
    if (!response.ok) {
      // Free the connection; the error bodies are small HTML or XML the user does not need.
      await response.body?.cancel().catch(() => undefined)
      throw statusError(response, what, details.notFoundMessage)
    }
    phase = 'body'
    watchdog.touch()
    // Bounded, unlike response.text(): a huge or endless body must not exhaust memory.
    const text = await readBodyText(response, http.maxResponseBytes, what, () => watchdog.touch())
    return {
      container: parseContainer(text, what),
      headers: response.headers,
      bytes: Buffer.byteLength(text, 'utf8'),
    }
  } catch (error) {
    if (signal?.aborted) throw new PlexAbortError()
    if (watchdog.signal.aborted) {
      throw new PlexUnavailableError(
        phase === 'headers'
          ? `The Plex server did not answer ${what} within ${http.timeoutMs} ms; it may be busy or unreachable.`
          : `The Plex server stopped sending its answer to ${what} (nothing for ${http.timeoutMs} ms); it may be busy or the connection stalled.`,
      )
    }
    if (error instanceof PlexError) throw error
    throw await transportError(error, http.baseUrl, what)
  } finally {
    watchdog.stop()
  }
}

/** Aborts its signal after `ms` without a touch(): the header wait, then each gap between chunks. */
class IdleWatchdog {
  private readonly controller = new AbortController()
  private timer: ReturnType<typeof setTimeout>

  constructor(private readonly ms: number) {
    this.timer = setTimeout(() => this.controller.abort(), ms)
  }

  get signal(): AbortSignal {
    return this.controller.signal
  }

  touch(): void {
    clearTimeout(this.timer)
    this.timer = setTimeout(() => this.controller.abort(), this.ms)
  }

  stop(): void {
    clearTimeout(this.timer)
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
      { status, retryAfterMs },
    )
  }
  if (status === 503) {
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'))
    return new PlexUnavailableError(
      `The Plex server is temporarily unavailable (503); it may be starting up or running maintenance${waitHint(retryAfterMs)}.`,
      { status, retryAfterMs },
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

/**
 * Names a failure below HTTP (network-errors.ts has the one table for Node's and Electron's
 * errors). TLS, name and redirect refusals get their own errors and fixes and are not retried; the
 * base URL is safe to show (it carries no token).
 */
async function transportError(error: unknown, baseUrl: string, what: string): Promise<PlexError> {
  const failure = classifyNetworkError(error)
  if (failure.kind === 'certificate') return certificateError(failure.reason, baseUrl, error)
  if (failure.kind === 'name-not-resolved') return nameNotResolvedError(baseUrl, error)
  if (failure.kind === 'redirect-refused') return redirectRefused(new URL(baseUrl), what)
  return new PlexUnavailableError(
    `Could not talk to the Plex server at ${baseUrl}: ${networkReason(failure)}.`,
    { cause: error },
  )
}
