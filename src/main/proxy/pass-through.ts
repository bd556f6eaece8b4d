import type { IncomingMessage, ServerResponse } from 'node:http'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import type { Logger } from '../log'
import type { FetchFunction } from '../plex'
import { sendPlexError } from './plex-responses'

/** Hop-by-hop headers (RFC 9110 §7.6.1) belong to one connection and are never forwarded. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
  'proxy-authorization',
  'proxy-authenticate',
  'proxy-connection',
  // The upstream is asked for its own host, and for an identity body: fetch would decode a
  // compressed one, and the client must get bytes that match the headers it is sent.
  'host',
  'accept-encoding',
])

/**
 * Sends a client's request on to the user's server as it came (its own token included; the app's
 * token is never added) and streams the answer back. A redirect is handed to the client, never
 * followed, so no request goes to a host the user did not choose. Plex down: a Plex-like 503.
 * `reached` is told, as soon as it is known, whether the server answered.
 */
export async function passThrough(
  req: IncomingMessage,
  res: ServerResponse,
  upstream: string,
  fetch: FetchFunction,
  log: Logger,
  reached: (answered: boolean) => void = () => undefined,
): Promise<void> {
  const abort = new AbortController()
  res.once('close', () => abort.abort())
  const headers = new Headers()
  const connectionOnly = namedInConnection(req.headers.connection)
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || isHopByHop(name) || connectionOnly.has(name)) continue
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one)
  }
  const method = req.method ?? 'GET'
  const hasBody = method !== 'GET' && method !== 'HEAD'
  let response: Response
  try {
    response = await fetch(`${upstream}${req.url ?? '/'}`, {
      method,
      headers,
      redirect: 'manual',
      signal: abort.signal,
      ...(hasBody && { body: Readable.toWeb(req) as ReadableStream, duplex: 'half' }),
    } as RequestInit)
  } catch (error) {
    reached(false)
    if (!abort.signal.aborted) {
      log.warn(`proxy: the server did not answer a passed-through request (${nameOf(error)})`)
      sendPlexError(res, 503)
    }
    return
  }
  reached(true)
  const outgoing: Record<string, string | string[]> = {}
  const answerConnectionOnly = namedInConnection(response.headers.get('connection') ?? undefined)
  response.headers.forEach((value, name) => {
    if (isHopByHop(name) || answerConnectionOnly.has(name) || name === 'content-encoding') return
    // fetch joins repeated headers with ", ": Set-Cookie must stay one header per cookie.
    outgoing[name] = name === 'set-cookie' ? response.headers.getSetCookie() : value
  })
  if (response.headers.has('content-encoding')) delete outgoing['content-length']
  res.writeHead(response.status, response.statusText, outgoing)
  if (!response.body || method === 'HEAD') {
    res.end()
    return
  }
  try {
    await pipeline(Readable.fromWeb(response.body as WebReadableStream), res)
  } catch {
    // The client went away or the server broke off: the socket is closed either way.
    res.destroy()
  }
}

/** Headers a Connection header names belong to that one connection too (RFC 9110 §7.6.1). */
function namedInConnection(connection: string | undefined): Set<string> {
  return new Set(
    (connection ?? '')
      .split(',')
      .map((name) => name.trim().toLowerCase())
      .filter((name) => name !== ''),
  )
}

function isHopByHop(name: string): boolean {
  const lower = name.toLowerCase()
  return HOP_BY_HOP.has(lower) || lower.startsWith('proxy-')
}

function nameOf(error: unknown): string {
  return error instanceof Error ? error.name : 'error'
}
