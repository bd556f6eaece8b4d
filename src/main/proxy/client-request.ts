import type { IncomingMessage } from 'node:http'
import { consumerName } from '../cache'
import { isLoopbackHost } from '../plex'

/** What the proxy reads from a client's request: Plex parameters come as headers or as query parameters. */
export interface ClientRequest {
  method: string
  /** Without trailing slashes: Plex treats `/library/sections/` like `/library/sections`. */
  path: string
  /** The path and query exactly as sent, for pass-through. */
  rawTarget: string
  query: URLSearchParams
  token: string | undefined
  /** The consumer the statistics name: X-Plex-Product, then X-Plex-Client-Identifier, then User-Agent. */
  consumer: string
  wantsJson: boolean
  /** Gzip is used only when the client accepts it and is on another machine (see compressesFor). */
  compress: boolean
  /** X-Plex-Container-Start/Size from a header or the query; undefined when absent, NaN when malformed. */
  containerStart: number | undefined
  containerSize: number | undefined
}

export function readClientRequest(req: IncomingMessage): ClientRequest {
  const rawTarget = req.url ?? '/'
  const url = new URL(rawTarget, 'http://proxy.invalid')
  const param = (name: string): string | undefined => {
    const header = req.headers[name.toLowerCase()]
    const fromHeader = Array.isArray(header) ? header[0] : header
    if (fromHeader !== undefined && fromHeader !== '') return fromHeader
    // Query names are matched without regard to case, as Plex does for X-Plex-* parameters.
    for (const [key, value] of url.searchParams) if (key.toLowerCase() === name.toLowerCase()) return value
    return undefined
  }
  const accept = req.headers.accept ?? ''
  const token = param('X-Plex-Token')
  return {
    method: req.method ?? 'GET',
    path: url.pathname.replace(/\/+$/, '') || '/',
    rawTarget,
    query: url.searchParams,
    token: token === '' ? undefined : token,
    consumer: consumerName(
      param('X-Plex-Product') ?? param('X-Plex-Client-Identifier') ?? req.headers['user-agent'],
    ),
    wantsJson: accept.includes('application/json'),
    compress: compressesFor(req.headers['accept-encoding'], req.socket.remoteAddress),
    containerStart: count(param('X-Plex-Container-Start')),
    containerSize: count(param('X-Plex-Container-Size')),
  }
}

/**
 * Compression pays only across a network: for a tool on this computer, gzip costs more time than
 * the bytes it saves (a 50,000-item listing takes about half a second to compress and
 * decompress), so loopback clients get plain bodies even when they accept gzip.
 */
export function compressesFor(
  acceptEncoding: string | string[] | undefined,
  remoteAddress: string | undefined,
): boolean {
  const accepted = /\bgzip\b/.test(String(acceptEncoding ?? ''))
  const address = remoteAddress?.replace(/^::ffff:/, '') ?? ''
  return accepted && address !== '' && !isLoopbackHost(address)
}

function count(text: string | undefined): number | undefined {
  if (text === undefined) return undefined
  return /^\d{1,9}$/.test(text) ? Number(text) : Number.NaN
}

/** Parameters every Plex client may add to any request; they never change what a listing holds. */
export function isPlexClientParameter(name: string): boolean {
  return name.toLowerCase().startsWith('x-plex-')
}
