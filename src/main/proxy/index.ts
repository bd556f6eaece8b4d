import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { silentLogger, type Logger } from '../log'
import { isLoopbackHost, type FetchFunction } from '../plex'
import type { CacheService } from '../service'
import { ServiceError } from '../service'
import { cachedLeafType, cachedRouteOf, type CachedRoute } from './cached-routes'
import { readClientRequest, type ClientRequest } from './client-request'
import { listingAnswer, sectionsAnswer } from './listing-answer'
import { RenderedBlocks } from './rendered-blocks'
import { RenderedListings } from './rendered-listings'
import { passThrough } from './pass-through'
import { sendPlexError } from './plex-responses'
import { sendContainer } from './streamed-container'
import { TokenAccess, type TokenScope } from './token-access'

export interface CacheProxyOptions {
  /** The core's service: cached listings are read through it, and its current server is the upstream. */
  service: CacheService
  /** Default '127.0.0.1'. */
  host?: string
  /** Default 32499; 0 picks an ephemeral port (tests). */
  port?: number
  /** Without it, a host that is not loopback is refused with a clear error. */
  allowNonLoopback?: boolean
  /** Used for pass-through and token checks; default global fetch. */
  fetch?: FetchFunction
  log?: Logger
  /** Where rendered listings are kept; a default one bounded at 32M characters when absent (tests pass their own). */
  renderedBlocks?: RenderedBlocks
}

export interface CacheProxy {
  /** The base URL clients use as their Plex server URL, e.g. http://127.0.0.1:32499 */
  url: string
  close(): Promise<void>
}

export const DEFAULT_PROXY_PORT = 32499
export const DEFAULT_PROXY_HOST = '127.0.0.1'

export { isLoopbackHost }
export { RenderedBlocks }

/**
 * A Plex-compatible HTTP server in front of the user's server: listings and title searches are
 * answered through the cache, everything else is passed through, and every client's token is
 * checked against the server. One more consumer of the service, like the CLI and the window.
 */
export async function startCacheProxy(options: CacheProxyOptions): Promise<CacheProxy> {
  const host = options.host ?? DEFAULT_PROXY_HOST
  if (!isLoopbackHost(host) && !options.allowNonLoopback) {
    throw new Error(
      `The cache proxy serves only this computer (loopback) unless another address is allowed; refused host ${host}.`,
    )
  }
  const fetch = options.fetch ?? ((url, init) => globalThis.fetch(url, init))
  const log = options.log ?? silentLogger
  const access = new TokenAccess(options.service, fetch, log)
  const listings = new RenderedListings(options.service, options.renderedBlocks)
  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    serve(req, res, { service: options.service, fetch, log, access, listings }).catch((error: unknown) => {
      log.warn(`proxy: a request failed (${error instanceof Error ? error.name : 'error'})`)
      sendPlexError(res, 503)
    })
  }
  const server = createServer(handle)
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? DEFAULT_PROXY_PORT, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo
  const shownHost = host.includes(':') ? `[${host}]` : host
  let closing: Promise<void> | undefined
  return {
    url: `http://${shownHost}:${port}`,
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
      return closing
    },
  }
}

interface ProxyDeps {
  service: CacheService
  fetch: FetchFunction
  log: Logger
  access: TokenAccess
  listings: RenderedListings
}

async function serve(req: IncomingMessage, res: ServerResponse, deps: ProxyDeps): Promise<void> {
  const request = readClientRequest(req)
  // /identity needs no token at Plex either; everything else does, as Plex requires one.
  if (request.path !== '/identity' && request.token === undefined) return sendPlexError(res, 401)
  const upstream = deps.service.forProxy.upstreamUrl()?.replace(/\/+$/, '')
  if (!upstream) return sendPlexError(res, 503)
  const route = cachedRouteOf(request)
  if (route && request.token !== undefined) {
    const answered = await answerFromCache(res, request, request.token, route, upstream, deps)
    if (answered) return
  }
  await passThrough(req, res, upstream, deps.fetch, deps.log, (answered) =>
    deps.service.forProxy.countPassedThrough(request.consumer, { ...request, answered }),
  )
}

/** True when the answer was sent; false when the request should go to Plex after all. */
async function answerFromCache(
  res: ServerResponse,
  request: ClientRequest,
  token: string,
  route: CachedRoute,
  upstream: string,
  deps: ProxyDeps,
): Promise<boolean> {
  const access = await deps.access.scopeOf(token, upstream)
  if (access.kind === 'rejected') {
    sendPlexError(res, 401)
    return true
  }
  if (access.kind === 'unreachable') {
    sendPlexError(res, 503)
    return true
  }
  const format = { json: request.wantsJson, gzip: request.compress }
  if (route.kind === 'sections') {
    const bytes = await sendContainer(res, sectionsAnswer(access.scope), format)
    // The token's check asked Plex for this very list; otherwise the request never reached it.
    if (access.from === 'cache') deps.service.forProxy.countSectionListServed(request.consumer, bytes)
    return true
  }
  return answerListing(res, request, route, { scope: access.scope, upstream }, format, deps)
}

async function answerListing(
  res: ServerResponse,
  request: ClientRequest,
  route: Extract<CachedRoute, { kind: 'listing' }>,
  { scope, upstream }: { scope: TokenScope; upstream: string },
  format: { json: boolean; gzip: boolean },
  deps: ProxyDeps,
): Promise<boolean> {
  // A section this token was not shown goes to Plex, which answers it as it does for that user.
  const section = scope.sections.find((candidate) => candidate.key === route.sectionKey)
  const leafType = section && cachedLeafType(section.type, route.typeNumber)
  if (!section || !leafType) return false
  const ask = {
    section,
    leafType,
    title: route.title,
    includeGuids: route.includeGuids,
    start: request.containerStart,
    size: request.containerSize,
    consumer: request.consumer,
  }
  let answer
  try {
    if (await deps.listings.answer(res, upstream, scope, ask, format)) return true
    answer = await listingAnswer(deps.service, scope, ask)
  } catch (error) {
    // Cut off while it was being sent: only ending the response can say so now.
    if (res.headersSent) throw error
    const code = error instanceof ServiceError ? error.code : 'INTERNAL'
    if (code === 'NOT_FOUND') {
      sendPlexError(res, 404)
      return true
    }
    // The app itself is not set up or its own token is refused: Plex answers with the client's token.
    if (code === 'NOT_CONFIGURED' || code === 'AUTH' || code === 'INVALID_ARGUMENT') return false
    sendPlexError(res, 503)
    return true
  }
  await sendContainer(res, answer, format)
  return true
}
