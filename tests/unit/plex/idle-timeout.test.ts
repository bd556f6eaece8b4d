import { createServer, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { PlexClient, PlexUnavailableError } from '../../../src/main/plex'

const TIMEOUT_MS = 200
const closers: Array<() => Promise<void>> = []
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()))
})

/** A loopback server whose answer to /library/sections is written by `answer`, chunk by chunk. */
async function serverAnswering(answer: (res: ServerResponse) => void): Promise<string> {
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/library/sections')) answer(res)
    else res.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  closers.push(
    () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  )
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

function client(baseUrl: string): PlexClient {
  return new PlexClient({
    baseUrl,
    token: 'tok',
    clientIdentifier: 'idle-test',
    fetch: globalThis.fetch,
    timeoutMs: TIMEOUT_MS,
    retries: 0,
  })
}

/** A sections container split into `chunks` pieces. */
function sectionsBody(chunks: number): string[] {
  const directories = Array.from({ length: 40 }, (_, i) => ({
    key: String(i + 1),
    type: 'movie',
    title: `S${i + 1}`,
  }))
  const text = JSON.stringify({ MediaContainer: { size: directories.length, Directory: directories } })
  const size = Math.ceil(text.length / chunks)
  return Array.from({ length: chunks }, (_, i) => text.slice(i * size, (i + 1) * size))
}

function trickle(res: ServerResponse, parts: string[], everyMs: number, stopAfter = parts.length): void {
  res.writeHead(200, { 'Content-Type': 'application/json' })
  let sent = 0
  const timer = setInterval(() => {
    if (res.destroyed) return clearInterval(timer)
    if (sent === stopAfter) {
      // A stalled server: the connection stays open, nothing more arrives.
      clearInterval(timer)
      return
    }
    res.write(parts[sent++])
    if (sent === parts.length) {
      clearInterval(timer)
      res.end()
    }
  }, everyMs)
}

describe('timeouts: idle, not whole-request', () => {
  it('completes a body that trickles steadily for far longer than the timeout', async () => {
    const url = await serverAnswering((res) => trickle(res, sectionsBody(12), TIMEOUT_MS / 4))
    const started = Date.now()
    const sections = await client(url).sections()
    expect(sections).toHaveLength(40)
    // 12 chunks at 50 ms: about three times the timeout.
    expect(Date.now() - started).toBeGreaterThan(TIMEOUT_MS * 2)
  })

  it('fails a body that stops flowing, once nothing has arrived for the timeout', async () => {
    const url = await serverAnswering((res) => trickle(res, sectionsBody(12), 20, 4))
    const started = Date.now()
    const error = await client(url)
      .sections()
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PlexUnavailableError)
    expect((error as Error).message).toMatch(
      /stopped sending its answer to GET \/library\/sections \(nothing for 200 ms\)/,
    )
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS * 5)
  })

  it('fails a server that never sends its headers within the timeout', async () => {
    const url = await serverAnswering(() => {})
    const error = await client(url)
      .sections()
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PlexUnavailableError)
    expect((error as Error).message).toMatch(/did not answer GET \/library\/sections within 200 ms/)
  })
})
