import { createServer, type RequestListener } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo, Server as NetServer } from 'node:net'
import { createControls } from './controls'
import { generateLibrary } from './dataset'
import { FaultState } from './faults'
import type { FakePlexOptions, FakePlexServer } from './options'
import { hash32 } from './random'
import { handleRequest } from './request-handler'
import { RequestLog } from './request-log'

export const DEFAULT_TOKEN = 'fake-plex-token'
export const DEFAULT_VERSION = '1.41.3.9314-a0bfb8370'
export const DEFAULT_FRIENDLY_NAME = 'Fake Plex'
/** Loopback only: the fake must never be reachable from another machine. */
export const FAKE_PLEX_HOST = '127.0.0.1'

export async function startFakePlex(options: FakePlexOptions = {}): Promise<FakePlexServer> {
  const token = options.token ?? DEFAULT_TOKEN
  if (token === '') throw new RangeError('token must not be empty')
  const machineIdentifier = options.machineIdentifier ?? defaultMachineIdentifier(options.dataset?.seed ?? 1)
  if (!/^[0-9a-f]{40}$/i.test(machineIdentifier))
    throw new RangeError('machineIdentifier must be 40 hex characters')
  const identity = {
    machineIdentifier,
    version: options.version ?? DEFAULT_VERSION,
    friendlyName: options.friendlyName ?? DEFAULT_FRIENDLY_NAME,
  }
  const library = generateLibrary(options.dataset)
  const faults = new FaultState(options.maxPageSize ?? null)
  const log = new RequestLog()
  const controls = createControls(library, faults, log)
  const waits = new Set<() => void>()
  let closed = false
  const deps = {
    library,
    identity,
    token,
    sharedUsers: options.sharedUsers ?? [],
    faults,
    log,
    controls,
    sleep: (ms: number) => cancellableSleep(ms, waits),
    isClosed: () => closed,
  }
  const onRequest: RequestListener = (req, res) => {
    handleRequest(req, res, deps).catch(() => {
      if (res.headersSent) res.destroy()
      else res.writeHead(500).end()
    })
  }
  const server = options.tls
    ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key }, onRequest)
    : createServer(onRequest)
  await listen(server, options.port ?? 0)
  const { port } = server.address() as AddressInfo
  let closing: Promise<void> | undefined
  return {
    url: `${options.tls ? 'https' : 'http'}://${FAKE_PLEX_HOST}:${port}`,
    token,
    machineIdentifier,
    controls,
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        closed = true
        for (const wake of [...waits]) wake()
        server.close(() => resolve())
        server.closeAllConnections()
      })
      return closing
    },
  }
}

function listen(server: NetServer, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, FAKE_PLEX_HOST, () => {
      server.off('error', reject)
      resolve()
    })
  })
}

function cancellableSleep(ms: number, waits: Set<() => void>): Promise<void> {
  return new Promise((resolve) => {
    const wake = (): void => {
      clearTimeout(timer)
      waits.delete(wake)
      resolve()
    }
    const timer = setTimeout(wake, ms)
    waits.add(wake)
  })
}

/** Stable per seed, so a restarted fake looks like the same server to a client's cache. */
function defaultMachineIdentifier(seed: number): string {
  let hex = ''
  for (let part = 0; hex.length < 40; part++) hex += hash32(seed, part).toString(16).padStart(8, '0')
  return hex.slice(0, 40)
}
