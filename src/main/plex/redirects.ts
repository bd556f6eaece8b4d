import { PlexProtocolError, PlexRedirectError } from './errors'
import type { FetchFunction } from './types'

/** Enough for a reverse proxy adding a trailing slash or moving a path; more is a loop. */
const MAX_REDIRECTS = 3
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308])

/**
 * One GET that never takes the token (sent as a header on every request) anywhere but the origin it
 * was given for: no redirect is followed automatically (`redirect: 'manual'`); a redirect within the
 * same origin is followed here, a few hops at most; one to another origin, or from https down to
 * http, is an error that names the target host, and nothing is sent there.
 *
 * Node's fetch answers 'manual' with the 3xx and its Location. A browser-style fetch gives an
 * opaque redirect (status 0, no Location), and Electron's net.fetch rejects with "Redirect was
 * cancelled" (network-errors.ts): in both the target is unknown, so the redirect is refused.
 */
export async function fetchWithinOrigin(
  fetch: FetchFunction,
  url: string,
  init: RequestInit,
  what: string,
): Promise<Response> {
  let current = new URL(url)
  for (let hops = 0; ; hops++) {
    const response = await fetch(current.href, { ...init, redirect: 'manual' })
    if (response.type === 'opaqueredirect' || response.status === 0) {
      throw redirectRefused(current, what)
    }
    if (!REDIRECT_STATUSES.has(response.status)) return response
    // Free the connection: a redirect's body is never needed.
    await response.body?.cancel().catch(() => undefined)
    const target = redirectTarget(response, current, what)
    if (current.protocol === 'https:' && target.protocol !== 'https:') {
      throw new PlexRedirectError(
        `The Plex server at ${current.origin} redirected ${what} from https to unencrypted http (${target.host}); Plex Cache never sends the token unencrypted. Use the server's https address, or its http address directly.`,
        target.host,
      )
    }
    if (target.origin !== current.origin) {
      throw new PlexRedirectError(
        `The Plex server at ${current.origin} redirected ${what} to another server, ${target.host}; Plex Cache does not send the token to another server. If your Plex server now lives there, enter that address instead.`,
        target.host,
      )
    }
    if (hops >= MAX_REDIRECTS) {
      throw new PlexProtocolError(
        `The Plex server at ${current.origin} redirected ${what} more than ${MAX_REDIRECTS} times; it may be misconfigured.`,
      )
    }
    current = target
  }
}

/** Electron's refusal and the opaque redirect carry no Location: the host stays unnamed. */
export function redirectRefused(at: URL, what: string): PlexRedirectError {
  return new PlexRedirectError(
    `The Plex server at ${at.origin} answered ${what} with a redirect to an address this app's network stack does not reveal; Plex Cache does not follow it with the token. Enter the server's final address instead.`,
    undefined,
  )
}

function redirectTarget(response: Response, current: URL, what: string): URL {
  const location = response.headers.get('location')
  if (location === null || location.trim() === '') {
    throw new PlexProtocolError(
      `The Plex server at ${current.origin} answered ${what} with a redirect (HTTP ${response.status}) but no address.`,
    )
  }
  try {
    return new URL(location, current)
  } catch {
    throw new PlexProtocolError(
      `The Plex server at ${current.origin} answered ${what} with a redirect to an invalid address.`,
    )
  }
}
