import type { ServerResponse } from 'node:http'

/** Plex's own bare error pages (plex-api-facts §1, §7), so a client's error handling sees what Plex sends. */
const UNAUTHORIZED_BODY =
  '<html><head><title>Unauthorized</title></head><body><h1>401 Unauthorized</h1></body></html>'
const NOT_FOUND_BODY = '<html><head><title>Not Found</title></head><body><h1>404 Not Found</h1></body></html>'
const UNAVAILABLE_BODY =
  '<Response code="503" title="Service Unavailable" status="The Plex server cannot be reached; only cached listings are answered."/>'

export const PLEX_HEADERS = { 'X-Plex-Protocol': '1.0', 'Cache-Control': 'no-cache' } as const

export type PlexErrorStatus = 401 | 404 | 503

export function sendPlexError(res: ServerResponse, status: PlexErrorStatus): void {
  const [type, body] =
    status === 401
      ? ['text/html', UNAUTHORIZED_BODY]
      : status === 404
        ? ['text/html', NOT_FOUND_BODY]
        : ['text/xml;charset=utf-8', UNAVAILABLE_BODY]
  if (res.headersSent) {
    res.destroy()
    return
  }
  res.writeHead(status, { ...PLEX_HEADERS, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) })
  res.end(body)
}
