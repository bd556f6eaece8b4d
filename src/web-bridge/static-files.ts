import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, resolve, sep } from 'node:path'

// Serves a built renderer over http, because Chromium will not run module scripts from file://.
// Read-only, no directory listings: it exists for tests and development, not for people at large.

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
}

export const NO_STORE_HEADERS = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' }

export function replyText(response: ServerResponse, status: number, message: string): void {
  response
    .writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...NO_STORE_HEADERS })
    .end(message)
}

/** Answers a GET or HEAD for a file under root; anything that would leave root is a 404. */
export function serveStaticFile(root: string, request: IncomingMessage, response: ServerResponse): void {
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return replyText(response, 405, 'Method Not Allowed')
  const file = fileFor(resolve(root), request.url ?? '/')
  if (file === null) return replyText(response, 404, 'Not Found')
  stat(file).then(
    (stats) => {
      if (!stats.isFile()) return replyText(response, 404, 'Not Found')
      response.writeHead(200, {
        'Content-Type': contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': stats.size,
        ...NO_STORE_HEADERS,
      })
      if (request.method === 'HEAD') return response.end()
      createReadStream(file).pipe(response)
    },
    () => replyText(response, 404, 'Not Found'),
  )
}

/** Maps a request path to a file under root, or null if it would escape root. */
export function fileFor(root: string, requestUrl: string): string | null {
  let pathname: string
  try {
    pathname = decodeURIComponent(new URL(requestUrl, 'http://localhost').pathname)
  } catch {
    return null
  }
  const file = resolve(join(root, pathname.endsWith('/') ? `${pathname}index.html` : pathname))
  return file.startsWith(root + sep) ? file : null
}
