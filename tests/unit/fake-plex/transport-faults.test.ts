import { request } from 'node:https'
import type { TLSSocket } from 'node:tls'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { FakePlexServer } from '../../../src/fake-plex'
import { parseCliArgs } from '../../../src/fake-plex/cli-args'
import { tempDir } from '../../support/temp-dir'
import { createTestCa } from '../../support/test-certificates'
import { fake, get } from './support'

/** A GET through node:https trusting only `ca`, so the test sees exactly which certificate was served. */
function httpsGet(
  server: FakePlexServer,
  path: string,
  ca: string,
): Promise<{ status: number; fingerprint: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, { ca, headers: { 'X-Plex-Token': server.token } }, (res) => {
      const fingerprint = (res.socket as TLSSocket).getPeerCertificate().fingerprint256
      res.resume()
      res.on('end', () => resolve({ status: res.statusCode ?? 0, fingerprint }))
    })
    req.on('error', reject)
    req.end()
  })
}

describe('fake Plex: transport faults', () => {
  it('serves https with the given certificate and key', async () => {
    const ca = createTestCa()
    const leaf = ca.issue(['IP:127.0.0.1'])
    const server = await fake({ tls: { cert: leaf.cert, key: leaf.key } })
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/)
    const answer = await httpsGet(server, '/identity', ca.cert)
    expect(answer).toEqual({ status: 200, fingerprint: leaf.fingerprint256 })
  })

  it('answers a path with a redirect to the given Location, before checking the token', async () => {
    const server = await fake()
    server.controls.setRedirect('/library', { status: 302, location: 'http://127.0.0.2:9/elsewhere' })
    const response = await fetch(`${server.url}/library/sections`, { redirect: 'manual' })
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe('http://127.0.0.2:9/elsewhere')
    expect((await get(server, '/identity')).status).toBe(200)
    server.controls.setRedirect('/library', null)
    expect((await get(server, '/library/sections')).status).toBe(200)
    expect(() => server.controls.setRedirect('/', { status: 200 as 301, location: '/' })).toThrow(RangeError)
  })

  it('rate-limits every route with 429 and Retry-After until switched off; reset clears both faults', async () => {
    const server = await fake()
    server.controls.setRateLimited('30')
    const limited = await get(server, '/library/sections')
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('30')
    expect(server.controls.requestLog().at(-1)?.status).toBe(429)
    server.controls.setRedirect('/', { status: 307, location: '/identity' })
    server.controls.reset()
    expect((await get(server, '/library/sections')).status).toBe(200)
  })

  it('offers both faults over the control route', async () => {
    const server = await fake()
    const control = (body: unknown) =>
      fetch(`${server.url}/__fake/control`, {
        method: 'POST',
        headers: { 'X-Plex-Token': server.token },
        body: JSON.stringify(body),
      })
    expect((await control({ action: 'setRateLimited', retryAfter: '5' })).status).toBe(200)
    expect((await get(server, '/')).status).toBe(429)
    await control({ action: 'setRateLimited', retryAfter: null })
    await control({ action: 'setRedirect', pathPrefix: '/library', status: 301, location: '/x' })
    const moved = await fetch(`${server.url}/library/sections`, { redirect: 'manual' })
    expect(moved.status).toBe(301)
    await control({ action: 'setRedirect', pathPrefix: '/library', location: null })
    expect((await get(server, '/library/sections')).status).toBe(200)
  })

  it('reads --tls-cert and --tls-key on its command line, and wants both', () => {
    const leaf = createTestCa().issue(['IP:127.0.0.1'])
    const dir = tempDir()
    writeFileSync(path.join(dir, 'cert.pem'), leaf.cert)
    writeFileSync(path.join(dir, 'key.pem'), leaf.key)
    const command = parseCliArgs([
      '--tls-cert',
      path.join(dir, 'cert.pem'),
      '--tls-key',
      path.join(dir, 'key.pem'),
    ])
    expect(command.help).toBe(false)
    const tls = command.help ? undefined : command.options.tls
    expect(tls?.cert.toString()).toBe(leaf.cert)
    expect(tls?.key.toString()).toBe(leaf.key)
    expect(() => parseCliArgs(['--tls-cert', path.join(dir, 'cert.pem')])).toThrow(/go together/)
    expect(() => parseCliArgs(['--tls-cert', path.join(dir, 'none.pem'), '--tls-key', 'x'])).toThrow(
      /cannot read/,
    )
  })
})
