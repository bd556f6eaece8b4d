// Free of `electron` imports: which app:// URL maps to which file, and what comes back, is plain
// logic tested under Node. app-protocol.ts hands it to Electron's protocol.handle.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { isAppOrigin } from './app-origin'

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  // Chromium refuses module scripts served with anything but a JavaScript type.
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
}

/** Content-Type for a file we serve, or null for a kind of file the renderer never ships. */
export function contentTypeFor(file: string): string | null {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? null
}

// Built asset names are plain (Vite writes name-hash.ext). Allowing nothing else rules out, after
// decoding, separators of either platform, drive letters, NUL and leftover percent signs at once.
const SAFE_SEGMENT = /^[\w.@+~-]+$/

/**
 * The file under `rendererRoot` that an app:// URL names, or null when it names none: another
 * origin, an empty or dot segment, an encoded separator, or anything that could leave the folder.
 * The root is used as a path only, never turned into a URL, so `%`, `[` or `]` in it are harmless.
 */
export function resolveRendererFile(requestUrl: string, rendererRoot: string): string | null {
  if (!URL.canParse(requestUrl)) return null
  const url = new URL(requestUrl)
  if (!isAppOrigin(url)) return null
  const rawPath = url.pathname === '' || url.pathname === '/' ? '/index.html' : url.pathname
  const segments: string[] = []
  for (const raw of rawPath.slice(1).split('/')) {
    let segment: string
    try {
      segment = decodeURIComponent(raw)
    } catch {
      return null
    }
    if (!SAFE_SEGMENT.test(segment) || /^\.+$/.test(segment)) return null
    segments.push(segment)
  }
  const root = path.resolve(rendererRoot)
  const file = path.resolve(root, ...segments)
  // Redundant after the segment rules, and kept so that a future loosening of them cannot escape.
  const relative = path.relative(root, file)
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null
  return file
}

/** Answers one app:// request from the built renderer folder: the file, or a bare 404. */
export async function serveRendererFile(request: Request, rendererRoot: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response(null, { status: 405, headers: { Allow: 'GET, HEAD' } })
  }
  const file = resolveRendererFile(request.url, rendererRoot)
  const contentType = file === null ? null : contentTypeFor(file)
  if (file === null || contentType === null) return notFound()
  let body: Buffer
  try {
    body = await readFile(file)
  } catch {
    // Missing, a folder, or unreadable: to the page it is all the same.
    return notFound()
  }
  const headers = { 'Content-Type': contentType, 'X-Content-Type-Options': 'nosniff' }
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers })
}

function notFound(): Response {
  return new Response('Not found', {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
  })
}
