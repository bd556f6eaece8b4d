import type { IncomingMessage } from 'node:http'
import { badRequest } from './http-error'

/** What the routes need from a request, with X-Plex-* parameters merged from headers and query. */
export interface PlexRequest {
  method: string
  /** The path as sent, without the query. */
  rawPath: string
  /** Without trailing slashes: Plex treats `/library/sections/` like `/library/sections`. */
  path: string
  segments: string[]
  query: Record<string, string>
  /** Canonically cased X-Plex-* names; a header wins over a query parameter of the same name. */
  plexParams: Record<string, string>
  wantsJson: boolean
  acceptsGzip: boolean
}

/** `x-plex-client-identifier` → `X-Plex-Client-Identifier`, so headers and query names meet. */
function canonicalPlexName(name: string): string {
  return name
    .toLowerCase()
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('-')
}

export function parsePlexRequest(req: IncomingMessage): PlexRequest {
  let url: URL
  try {
    url = new URL(req.url ?? '/', 'http://127.0.0.1')
  } catch {
    throw badRequest('malformed URL')
  }
  const query: Record<string, string> = {}
  const plexParams: Record<string, string> = {}
  for (const [name, value] of url.searchParams) {
    query[name] = value
    if (/^x-plex-/i.test(name)) plexParams[canonicalPlexName(name)] = value
  }
  for (const [name, value] of Object.entries(req.headers)) {
    if (!/^x-plex-/i.test(name) || value === undefined) continue
    plexParams[canonicalPlexName(name)] = Array.isArray(value) ? value.join(', ') : value
  }
  const path = url.pathname.replace(/\/+$/, '') || '/'
  return {
    method: req.method ?? 'GET',
    rawPath: url.pathname,
    path,
    segments: path
      .split('/')
      .filter((segment) => segment !== '')
      .map(decodeSegment),
    query,
    plexParams,
    wantsJson: (req.headers.accept ?? '').includes('application/json'),
    acceptsGzip: /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')),
  }
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    throw badRequest('malformed path')
  }
}

/** Strict non-negative integers: Plex's numbers never carry signs, fractions or spaces. */
export function readCount(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined
  if (!/^\d{1,15}$/.test(value)) throw badRequest(`${name} must be a non-negative integer`)
  return Number(value)
}
