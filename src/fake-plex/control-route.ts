import type { IncomingMessage } from 'node:http'
import type { FakeRedirect } from './faults'
import type { WrongTotals } from './listing-faults'
import type { FakePlexControls } from './options'
import { JSON_TYPE, type Outgoing } from './responses'

/**
 * `POST /__fake/control` with `{"action": "setLatency", "ms": 200}` and friends, and
 * `GET /__fake/requests`: the controls over HTTP, for a fake running in another process.
 */
export const CONTROL_PREFIX = '/__fake/'

type Body = Record<string, unknown>

const ACTIONS: Record<string, (controls: FakePlexControls, body: Body) => unknown> = {
  addItem: (c, b) => ({
    ratingKey: c.addItem(text(b, 'sectionKey'), {
      title: optional(b, 'title', text),
      year: optional(b, 'year', integer),
      filePath: optional(b, 'filePath', text),
    }),
  }),
  removeItem: (c, b) => c.removeItem(text(b, 'ratingKey')),
  removeSection: (c, b) => c.removeSection(text(b, 'key')),
  renameItem: (c, b) => c.renameItem(text(b, 'ratingKey'), text(b, 'title')),
  setForcedStatus: (c, b) => c.setForcedStatus(text(b, 'pathPrefix'), nullable(b, 'status')),
  setLatency: (c, b) => c.setLatency(integer(b, 'ms')),
  setDropConnections: (c, b) => c.setDropConnections(flag(b, 'on')),
  setMalformedJson: (c, b) => c.setMalformedJson(flag(b, 'on')),
  setMaintenance: (c, b) => c.setMaintenance(flag(b, 'on')),
  setGarbledJson: (c, b) => c.setGarbledJson(flag(b, 'on')),
  setTruncatedGzip: (c, b) => c.setTruncatedGzip(flag(b, 'on')),
  setRepeatingPages: (c, b) => c.setRepeatingPages(flag(b, 'on')),
  setOversizedResponse: (c, b) => c.setOversizedResponse(nullable(b, 'bytes')),
  setMaxPageSize: (c, b) => c.setMaxPageSize(nullable(b, 'size')),
  setEndlessPaging: (c, b) => c.setEndlessPaging(flag(b, 'on')),
  setStalledPages: (c, b) =>
    c.setStalledPages(b.every === null ? null : { every: integer(b, 'every'), times: integer(b, 'times') }),
  setPageSizeCap: (c, b) => c.setPageSizeCap(nullable(b, 'size')),
  setNoTotals: (c, b) => c.setNoTotals(flag(b, 'on')),
  setWrongTotals: (c, b) => c.setWrongTotals(b.mode === null ? null : wrongTotals(b.mode)),
  setUnusableItems: (c, b) => c.setUnusableItems(flag(b, 'on')),
  setRedirect: (c, b) =>
    c.setRedirect(
      text(b, 'pathPrefix'),
      b.location === null
        ? null
        : { status: integer(b, 'status') as FakeRedirect['status'], location: text(b, 'location') },
    ),
  setRateLimited: (c, b) => c.setRateLimited(b.retryAfter === null ? null : text(b, 'retryAfter')),
  clearRequestLog: (c) => c.clearRequestLog(),
  reset: (c) => c.reset(),
}

export async function controlRoute(
  req: IncomingMessage,
  path: string,
  controls: FakePlexControls,
): Promise<Outgoing> {
  try {
    if (path === '/__fake/requests' && req.method === 'GET') return json(200, controls.requestLog())
    if (path !== '/__fake/control' || req.method !== 'POST')
      return json(404, { error: `no control route ${path}` })
    const body = JSON.parse(await readBody(req)) as unknown
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw new TypeError('body must be an object')
    const action = (body as Body).action
    const run = typeof action === 'string' ? ACTIONS[action] : undefined
    if (!run)
      throw new TypeError(`unknown action ${String(action)}; known: ${Object.keys(ACTIONS).join(', ')}`)
    const result = run(controls, body as Body)
    return json(200, { ok: true, ...(typeof result === 'object' && result !== null ? result : {}) })
  } catch (error) {
    return json(400, { ok: false, error: error instanceof Error ? error.message : String(error) })
  }
}

function json(status: number, value: unknown): Outgoing {
  return { status, contentType: JSON_TYPE, body: JSON.stringify(value) }
}

const MAX_BODY_BYTES = 64 * 1024

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  let length = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    length += chunk.length
    if (length > MAX_BODY_BYTES) throw new RangeError('control body too large')
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}

function text(body: Body, name: string): string {
  const value = body[name]
  if (typeof value !== 'string') throw new TypeError(`${name} must be a string`)
  return value
}

function integer(body: Body, name: string): number {
  const value = body[name]
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new TypeError(`${name} must be an integer`)
  return value
}

function wrongTotals(value: unknown): WrongTotals {
  if (value === 'negative' || value === 'shrinking' || value === 'growing') return value
  throw new TypeError('mode must be negative, shrinking, growing or null')
}

function flag(body: Body, name: string): boolean {
  const value = body[name]
  if (typeof value !== 'boolean') throw new TypeError(`${name} must be true or false`)
  return value
}

function nullable(body: Body, name: string): number | null {
  return body[name] === null ? null : integer(body, name)
}

function optional<T>(body: Body, name: string, read: (body: Body, name: string) => T): T | undefined {
  return body[name] === undefined ? undefined : read(body, name)
}
