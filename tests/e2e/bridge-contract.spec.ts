import type { Envelope, PlexCacheBridge } from '../../src/shared/contract'
import { expect, test } from './support/bridge-fixtures'

// The bridge is a transport only: the contract's validation answers, exactly as over Electron's IPC.

type PageGlobals = { plexCache: PlexCacheBridge }

test('invalid arguments through window.plexCache get INVALID_ARGUMENT envelopes', async ({ app, page }) => {
  await app.open()
  const answers = await page.evaluate(async () => {
    const bridge = (globalThis as unknown as PageGlobals).plexCache as unknown as Record<
      string,
      (args?: unknown) => Promise<Envelope<unknown>>
    >
    const calls: [string, unknown][] = [
      ['refreshLibrary', { library: 5 }],
      ['refreshLibrary', { library: '1', extra: true }],
      ['refreshLibrary', {}],
      ['search', { library: '1', title: 'x'.repeat(100_000) }],
      ['getLibraryItems', JSON.parse('{"library":"1","__proto__":{"polluted":true}}')],
      ['setSettings', { libraryTtlSeconds: -1 }],
      ['setSettings', { serverUrl: 'file:///etc/passwd' }],
      ['testConnection', { url: 'not a url', token: 't' }],
      ['statsHistory', { range: 'century' }],
      ['clear', 'everything'],
    ]
    const results = []
    for (const [operation, args] of calls) results.push(await bridge[operation]!(args))
    return { results, polluted: ({} as Record<string, unknown>).polluted ?? null }
  })
  for (const answer of answers.results) {
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
  }
  expect(answers.polluted).toBeNull()
  expect(
    await page.evaluate(() => (globalThis as unknown as PageGlobals).plexCache.getSettings()),
  ).toMatchObject({
    ok: true,
    value: { serverUrl: null, libraryTtlSeconds: expect.any(Number) },
  })
})

test('window.plexCache has exactly the contract: one function per operation, and on()', async ({
  app,
  page,
}) => {
  await app.open()
  const keys = await page.evaluate(() => Object.keys((globalThis as unknown as PageGlobals).plexCache).sort())
  const { OPERATION_NAMES } = await import('../../src/shared/contract')
  expect(keys).toEqual([...OPERATION_NAMES, 'on'].sort())
})

test('the bridge refuses foreign pages, unknown operations and oversized bodies', async ({ bridge }) => {
  const origin = bridge.url.replace(/\/$/, '')
  const call = (operation: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${origin}/__bridge/call/${operation}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: origin, ...headers },
      body,
    })

  expect((await call('listLibraries', '')).status).toBe(200)
  expect((await call('noSuchOperation', '')).status).toBe(404)
  expect((await call('__proto__', '')).status).toBe(404)
  expect((await call('listLibraries', '', { Origin: 'http://evil.example' })).status).toBe(403)
  expect((await call('listLibraries', '{', {})).status).toBe(400)
  const huge = JSON.stringify({ nameOrPath: 'x'.repeat(2 * 1024 * 1024) })
  const tooLarge = await call('findByFile', huge)
  expect(tooLarge.status).toBe(413)
  expect(await tooLarge.json()).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })

  // DNS rebinding: a foreign name that resolves to 127.0.0.1 is still a foreign Host.
  const { request } = await import('node:http')
  const status = await new Promise<number>((done, fail) => {
    const url = new URL(bridge.url)
    request({ host: url.hostname, port: url.port, path: '/', headers: { Host: `evil.example:${url.port}` } })
      .on('response', (response) => {
        response.resume()
        done(response.statusCode ?? 0)
      })
      .on('error', fail)
      .end()
  })
  expect(status).toBe(403)
})
