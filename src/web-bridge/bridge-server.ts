import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import {
  OPERATION_NAMES,
  type ContractError,
  type Envelope,
  type EventMessage,
  type OperationName,
} from '../shared/contract'
import { bridgedIndexHtml, INIT_SCRIPT_PATH } from './bridged-index'
import { CALL_PATH, EVENTS_PATH, initScriptSource } from './browser-client'
import {
  allowedHosts,
  BodyTooLarge,
  hostIsAllowed,
  isSameOriginRead,
  originIsOwn,
  readBody,
} from './request-guards'
import { NO_STORE_HEADERS, replyText, serveStaticFile } from './static-files'

/** The handler table's shape (src/main/ipc/handler-table.ts): validation and envelopes live there. */
export type BridgeHandlers = Record<OperationName, (rawArgs: unknown) => Promise<Envelope<unknown>>>

export interface BridgeServerOptions {
  handlers: BridgeHandlers
  /** Subscribes to the core's events; returns the unsubscribe function. */
  subscribe(listener: (message: EventMessage) => void): () => void
  /** The built renderer: out/renderer. */
  rendererDir: string
  /** Default 0: an ephemeral port. */
  port?: number
  /** Default 1 MB; larger call bodies get 413. */
  maxBodyBytes?: number
}

export interface BridgeServer {
  /** http://127.0.0.1:PORT/ */
  url: string
  close(): Promise<void>
}

const DEFAULT_MAX_BODY_BYTES = 1024 * 1024
// Comments on the stream keep idle connections from being closed by anything in between.
const KEEP_ALIVE_MS = 15_000
const operations = new Set<string>(OPERATION_NAMES)

export async function startBridgeServer(options: BridgeServerOptions): Promise<BridgeServer> {
  // Read once at start: a missing build fails here, clearly, not on the first page load.
  const indexHtml = bridgedIndexHtml(await readFile(join(options.rendererDir, 'index.html'), 'utf8'))
  const initScript = initScriptSource()
  const streams = new Set<ServerResponse>()
  let hosts = new Set<string>()

  const route = (request: IncomingMessage, response: ServerResponse) => {
    if (!hostIsAllowed(request, hosts)) return replyText(response, 403, 'Forbidden: unexpected Host')
    const path = new URL(request.url ?? '/', 'http://localhost').pathname
    if (path.startsWith(CALL_PATH)) return void handleCall(request, response, path.slice(CALL_PATH.length))
    if (path === EVENTS_PATH) return openEventStream(request, response)
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return replyText(response, 405, 'Method Not Allowed')
    if (path === INIT_SCRIPT_PATH) return replyBody(response, 'text/javascript; charset=utf-8', initScript)
    if (path === '/' || path === '/index.html')
      return replyBody(response, 'text/html; charset=utf-8', indexHtml)
    if (path.startsWith('/__bridge/')) return replyText(response, 404, 'Not Found')
    serveStaticFile(options.rendererDir, request, response)
  }

  const handleCall = async (request: IncomingMessage, response: ServerResponse, name: string) => {
    if (request.method !== 'POST')
      return replyError(response, 405, 'INVALID_ARGUMENT', 'Calls are POST requests.')
    if (!originIsOwn(request))
      return replyError(response, 403, 'FORBIDDEN', 'Calls come from the bridge page only.')
    if (!operations.has(name))
      return replyError(response, 404, 'NOT_FOUND', `There is no operation "${name}".`)
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
      return replyError(response, 415, 'INVALID_ARGUMENT', 'Arguments are sent as application/json.')
    }
    let args: unknown
    try {
      const body = await readBody(request, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES)
      args = body === '' ? undefined : JSON.parse(body)
    } catch (error) {
      if (error instanceof BodyTooLarge)
        return replyError(response, 413, 'INVALID_ARGUMENT', 'The arguments are too large.')
      return replyError(response, 400, 'INVALID_ARGUMENT', 'The arguments are not valid JSON.')
    }
    try {
      const envelope = await options.handlers[name as OperationName](args)
      replyJson(response, 200, envelope)
    } catch {
      // Handlers answer with envelopes; a throw here is a bug, reported like one without its details.
      replyError(response, 500, 'INTERNAL', 'The bridge could not run the operation.')
    }
  }

  const openEventStream = (request: IncomingMessage, response: ServerResponse) => {
    if (request.method !== 'GET') return replyText(response, 405, 'Method Not Allowed')
    if (!isSameOriginRead(request)) return replyText(response, 403, 'Forbidden')
    response.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', ...NO_STORE_HEADERS })
    response.write(': connected\n\n')
    streams.add(response)
    const unsubscribe = options.subscribe((message) => {
      response.write(`data: ${JSON.stringify(message)}\n\n`)
    })
    const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), KEEP_ALIVE_MS)
    request.once('close', () => {
      clearInterval(keepAlive)
      unsubscribe()
      streams.delete(response)
    })
  }

  const server = createServer(route)
  await listen(server, options.port ?? 0)
  const { port } = server.address() as AddressInfo
  hosts = allowedHosts(port)
  let closing: Promise<void> | undefined
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => {
      closing ??= new Promise<void>((done) => {
        for (const stream of streams) stream.end()
        server.close(() => done())
        server.closeAllConnections()
      })
      return closing
    },
  }
}

function replyBody(response: ServerResponse, contentType: string, body: string): void {
  response.writeHead(200, { 'Content-Type': contentType, ...NO_STORE_HEADERS }).end(body)
}

function replyJson(response: ServerResponse, status: number, value: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...NO_STORE_HEADERS })
  response.end(JSON.stringify(value))
}

/** Transport refusals are envelopes too, so window.plexCache resolves with them like any other error. */
function replyError(
  response: ServerResponse,
  status: number,
  code: ContractError['code'],
  message: string,
): void {
  replyJson(response, status, { ok: false, error: { code, message } } satisfies Envelope<never>)
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((done, fail) => {
    server.once('error', fail)
    // Loopback only: the bridge hands out the whole core and must never be reachable from elsewhere.
    server.listen(port, '127.0.0.1', () => {
      server.off('error', fail)
      done()
    })
  })
}
