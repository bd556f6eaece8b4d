import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { FAKE_PLEX_HOST } from '../server'
import { CLIENT_ID_MISSING, NOT_AUTHENTICATED, NOT_FOUND, PIN_NOT_FOUND, serverError } from './error-bodies'
import { PinStore, pinJson, type FakePin } from './pins'
import { PLAYER_DEVICE, resourcesJson } from './resources-json'
import type { FakePlexTv, FakePlexTvOptions, FakePlexTvRequest, FakePlexTvServer } from './types'

interface Answer {
  status: number
  body: string
  type?: string
}

/**
 * A fake plex.tv on loopback (facts §6): PINs that are approved after a few polls or by the claim
 * hook, or expire; the account check; the resources list; plex.tv's JSON error bodies. Its request
 * log keeps every URL exactly as received, so a test can prove no token ever travelled in one.
 */
export async function startFakePlexTv(options: FakePlexTvOptions = {}): Promise<FakePlexTv> {
  const accountToken = options.accountToken ?? `fake-account-${randomBytes(12).toString('hex')}`
  const approveAfterPolls = options.approveAfterPolls ?? null
  const pins = new PinStore((options.pinLifetimeSeconds ?? 900) * 1000)
  let servers = options.servers ?? []
  let failures: { status: number; left: number } | null = null
  const log: FakePlexTvRequest[] = []

  const approve = (pin: FakePin) => {
    pin.authToken = accountToken
  }

  const route = (req: IncomingMessage, url: URL): Answer => {
    const path = url.pathname.replace(/\/+$/, '')
    const claim = /^\/__fake\/pins\/(\d+)\/claim$/.exec(path)
    if (claim && req.method === 'POST') {
      const pin = pins.live(Number(claim[1]))
      if (!pin) return PIN_NOT_FOUND
      approve(pin)
      return { status: 204, body: '' }
    }
    if (path === '/auth') return signInPage()
    if (failures !== null && failures.left > 0) {
      failures.left--
      return serverError(failures.status)
    }
    const clientIdentifier = header(req, 'x-plex-client-identifier')
    if (path === '/api/v2/pins' && req.method === 'POST') {
      if (!clientIdentifier) return CLIENT_ID_MISSING
      const pin = pins.create(
        clientIdentifier,
        header(req, 'x-plex-product') ?? '',
        url.searchParams.get('strong') === 'true',
      )
      return json(201, pinJson(pin, Date.now()))
    }
    const pinCheck = /^\/api\/v2\/pins\/(\d+)$/.exec(path)
    if (pinCheck && req.method === 'GET') {
      if (!clientIdentifier) return CLIENT_ID_MISSING
      const pin = pins.live(Number(pinCheck[1]), clientIdentifier)
      if (!pin) return PIN_NOT_FOUND
      pin.polls++
      if (approveAfterPolls !== null && pin.polls >= approveAfterPolls) approve(pin)
      return json(200, pinJson(pin, Date.now()))
    }
    const signedIn = header(req, 'x-plex-token') === accountToken
    if (path === '/api/v2/user' && req.method === 'GET') {
      if (!signedIn) return NOT_AUTHENTICATED
      return json(200, {
        id: 1,
        uuid: 'fake-user',
        username: 'fake-user',
        title: 'Fake User',
        email: 'fake@example.invalid',
      })
    }
    if (path === '/api/v2/resources' && req.method === 'GET') {
      if (!signedIn) return NOT_AUTHENTICATED
      return json(200, [...resourcesJson(servers), PLAYER_DEVICE])
    }
    return NOT_FOUND
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake-plex-tv')
    let answer: Answer
    try {
      answer = route(req, url)
    } catch {
      answer = serverError(500)
    }
    log.push({
      method: req.method ?? '',
      url: req.url ?? '',
      plexHeaders: plexHeadersOf(req),
      status: answer.status,
    })
    respond(res, answer)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, FAKE_PLEX_HOST, () => resolve())
  })
  const { port } = server.address() as AddressInfo
  const url = `http://${FAKE_PLEX_HOST}:${port}`
  let closing: Promise<void> | undefined
  return {
    url,
    authUrl: `${url}/auth`,
    accountToken,
    claim(pinId) {
      const pin = pins.live(pinId)
      if (pin) approve(pin)
      return pin !== undefined
    },
    expire: (pinId) => pins.expire(pinId),
    pins: () =>
      pins.list().map(({ id, code, polls, clientIdentifier }) => ({ id, code, polls, clientIdentifier })),
    setServers(next: FakePlexTvServer[]) {
      servers = next
    },
    failNext(status, count = 1) {
      failures = { status, left: count }
    },
    requestLog: () => log.map((entry) => structuredClone(entry)),
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
      return closing
    },
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name]
  const text = Array.isArray(value) ? value[0] : value
  return text === undefined || text === '' ? undefined : text
}

function plexHeadersOf(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(req.headers)) {
    if (!name.startsWith('x-plex-') || value === undefined) continue
    headers[name] = name === 'x-plex-token' ? '<redacted>' : String(value)
  }
  return headers
}

function json(status: number, value: unknown): Answer {
  return { status, body: JSON.stringify(value) }
}

function signInPage(): Answer {
  return {
    status: 200,
    type: 'text/html; charset=utf-8',
    body: '<!doctype html><title>Fake Plex sign-in</title><p>This is the fake plex.tv. Tests approve codes with POST /__fake/pins/{id}/claim.</p>',
  }
}

function respond(res: ServerResponse, answer: Answer): void {
  res.writeHead(answer.status, {
    'Content-Type': answer.type ?? 'application/json; charset=utf-8',
    'Cache-Control': 'no-cache',
  })
  res.end(answer.body)
}
