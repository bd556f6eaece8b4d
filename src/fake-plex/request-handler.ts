import type { IncomingMessage, ServerResponse } from 'node:http'
import { NO_BODY_FAULTS } from './body-faults'
import { CONTROL_PREFIX, controlRoute } from './control-route'
import type { FaultState } from './faults'
import { PlexHttpError } from './http-error'
import type { Library } from './library'
import type { FakePlexControls, SharedUser } from './options'
import { parsePlexRequest, type PlexRequest } from './request'
import type { RequestLog } from './request-log'
import { errorResponse, send, type Outgoing } from './responses'
import { isPublicPath, routeRequest } from './router'
import type { ServerIdentity } from './routes/context'

export interface HandlerDeps {
  library: Library
  identity: ServerIdentity
  token: string
  sharedUsers: readonly SharedUser[]
  faults: FaultState
  log: RequestLog
  controls: FakePlexControls
  /** Latency waits, cut short when the server closes. */
  sleep(ms: number): Promise<void>
  isClosed(): boolean
}

/** How long a stalled page is held open at most; a client's timeout is far shorter. */
const STALL_MS = 120_000

/** One request end to end: faults, auth, routing, logging and encoding. */
export async function handleRequest(
  req: IncomingMessage,
  res: ServerResponse,
  deps: HandlerDeps,
): Promise<void> {
  let request: PlexRequest
  try {
    request = parsePlexRequest(req)
  } catch {
    return send(res, errorResponse(400), { acceptsGzip: false, headOnly: false, faults: NO_BODY_FAULTS })
  }
  const sendOptions = {
    acceptsGzip: request.acceptsGzip,
    headOnly: request.method === 'HEAD',
    faults: NO_BODY_FAULTS,
  }
  if (request.path.startsWith(CONTROL_PREFIX)) {
    // Controls skip every fault, or a test could never switch them off again.
    const outgoing = hasToken(request, deps.token)
      ? await controlRoute(req, request.path, deps.controls)
      : errorResponse(401)
    return send(res, outgoing, sendOptions)
  }
  const { faults } = deps
  if (faults.latencyMs > 0) await deps.sleep(faults.latencyMs)
  if (faults.listing.stalls(request)) {
    // A page the server never answers: held open until the client gives up (or the server closes).
    await Promise.race([deps.sleep(STALL_MS), new Promise((resolve) => req.socket.once('close', resolve))])
    deps.log.record(request, 0, tokenHolderOf(request, deps))
    req.socket.destroy()
    return
  }
  if (deps.isClosed() || req.socket.destroyed || faults.dropConnections) {
    // Status 0 in the log: no response was sent (dropped on purpose, or the client gave up).
    deps.log.record(request, 0, tokenHolderOf(request, deps))
    req.socket.destroy()
    return
  }
  const outgoing = serve(request, deps)
  deps.log.record(request, outgoing.status, tokenHolderOf(request, deps))
  await send(res, outgoing, {
    ...sendOptions,
    faults: {
      malformedJson: faults.malformedJson,
      garbledJson: faults.garbledJson,
      oversizedBytes: faults.oversizedResponseBytes,
      truncatedGzip: faults.truncatedGzip,
    },
  })
}

function serve(request: PlexRequest, deps: HandlerDeps): Outgoing {
  const { faults } = deps
  if (faults.rateLimitRetryAfter !== null) {
    return { ...errorResponse(429), headers: { 'Retry-After': faults.rateLimitRetryAfter } }
  }
  const redirect = faults.redirectFor(request.path)
  if (redirect) return { ...errorResponse(redirect.status), headers: { Location: redirect.location } }
  const forced = faults.forcedStatusFor(request.path)
  if (forced !== undefined) return errorResponse(forced)
  if (!isPublicPath(request.path)) {
    // A migrating server answers 503 before it could check any token.
    if (faults.maintenance) return errorResponse(503)
    const holder = tokenHolderOf(request, deps)
    if (holder === 'none' || holder === 'unknown') return errorResponse(401)
  }
  const shared = deps.sharedUsers.find((user) => user.token === request.plexParams['X-Plex-Token'])
  const visibleSections = shared ? new Set(shared.sections) : undefined
  const [first, second, sectionKey] = request.segments
  if (visibleSections && first === 'library' && second === 'sections' && sectionKey !== undefined) {
    // A shared user asking for a library not shared with them, as Plex answers it (plex-api-facts §9).
    if (sectionKey !== 'all' && !visibleSections.has(sectionKey)) return errorResponse(401)
  }
  try {
    return routeRequest({
      visibleSections,
      library: deps.library,
      identity: deps.identity,
      maxPageSize: faults.maxPageSize,
      repeatingPages: faults.repeatingPages,
      listingFaults: faults.listing,
      request,
    })
  } catch (error) {
    if (error instanceof PlexHttpError) return errorResponse(error.status)
    throw error
  }
}

function hasToken(request: PlexRequest, token: string): boolean {
  return request.plexParams['X-Plex-Token'] === token
}

function tokenHolderOf(request: PlexRequest, deps: HandlerDeps): string {
  const token = request.plexParams['X-Plex-Token']
  if (token === undefined || token === '') return 'none'
  if (token === deps.token) return 'owner'
  return deps.sharedUsers.find((user) => user.token === token)?.name ?? 'unknown'
}
