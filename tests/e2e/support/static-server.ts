import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, resolve, sep } from 'node:path'

// Serves a built renderer over http, because Chromium will not run module scripts from file://.
// Loopback only, read-only, no directory listings: it exists for tests, not for people.

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

export interface StaticServer {
  url: string
  close(): Promise<void>
}

export async function startStaticServer(rootDir: string, port = 0): Promise<StaticServer> {
  const root = resolve(rootDir)
  const server = createServer((request, response) => {
    const reply = (status: number, message: string) => {
      response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(message)
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return reply(405, 'Method Not Allowed')
    const file = fileFor(root, request.url ?? '/')
    if (file === null) return reply(404, 'Not Found')
    stat(file).then(
      (stats) => {
        if (!stats.isFile()) return reply(404, 'Not Found')
        response.writeHead(200, {
          'Content-Type': contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream',
          'Content-Length': stats.size,
          'Cache-Control': 'no-store',
          'X-Content-Type-Options': 'nosniff',
        })
        if (request.method === 'HEAD') return response.end()
        createReadStream(file).pipe(response)
      },
      () => reply(404, 'Not Found'),
    )
  })
  await listen(server, port)
  const { port: boundPort } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${boundPort}/`,
    close: () => new Promise((done, fail) => server.close((error) => (error ? fail(error) : done()))),
  }
}

/** Maps a request path to a file under root, or null if it would escape root. */
function fileFor(root: string, requestUrl: string): string | null {
  let pathname: string
  try {
    pathname = decodeURIComponent(new URL(requestUrl, 'http://localhost').pathname)
  } catch {
    return null
  }
  const file = resolve(join(root, pathname.endsWith('/') ? `${pathname}index.html` : pathname))
  return file.startsWith(root + sep) ? file : null
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((done, fail) => {
    server.once('error', fail)
    server.listen(port, '127.0.0.1', () => done())
  })
}
