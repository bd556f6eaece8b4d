import { afterEach } from 'vitest'
import type { FakePlexOptions, FakePlexServer } from '../../../src/fake-plex'
import { startCacheProxy, type CacheProxy, type CacheProxyOptions } from '../../../src/main/proxy'
import { fakePlex, openCore } from '../service/support'
import type { Core } from '../../../src/main/core'

const proxies: CacheProxy[] = []

afterEach(async () => {
  await Promise.all(proxies.splice(0).map((proxy) => proxy.close()))
})

export const SHARED = { name: 'alice', token: 'alice-token', sections: ['1', '3'] }

export interface ProxySetup {
  fake: FakePlexServer
  core: Core
  proxy: CacheProxy
  /** A request to the proxy with the given token (the owner's by default; null sends none). */
  get(path: string, options?: { token?: string | null; headers?: Record<string, string> }): Promise<Response>
}

/** The fake Plex (with one shared user), the real core over a temp dir, and the proxy in front, on loopback. */
export async function proxySetup(
  options: FakePlexOptions = {},
  clock?: () => number,
  proxyOptions: Pick<CacheProxyOptions, 'host' | 'allowNonLoopback' | 'renderedBlocks'> = {},
): Promise<ProxySetup> {
  const fake = await fakePlex({ sharedUsers: [SHARED], ...options })
  const core = openCore(fake, clock ? { clock } : {})
  const proxy = await startCacheProxy({ service: core.service, port: 0, ...proxyOptions })
  proxies.push(proxy)
  const get: ProxySetup['get'] = (path, { token, headers } = {}) => {
    const sent = token === undefined ? fake.token : token
    return fetch(`${proxy.url}${path}`, {
      headers: { 'X-Plex-Product': 'Proxy Test', ...(sent !== null && { 'X-Plex-Token': sent }), ...headers },
    })
  }
  return { fake, core, proxy, get }
}

/** The same request straight to the fake, for comparison. */
export function direct(
  fake: FakePlexServer,
  path: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${fake.url}${path}`, { headers: { 'X-Plex-Token': fake.token, ...headers } })
}

/** Listing requests that fetched items from the fake (not counts, not the section list). */
export function upstreamItemRequests(fake: FakePlexServer): number {
  return fake.controls
    .requestLog()
    .filter(
      (entry) => /\/(all|search)$/.test(entry.path) && entry.plexHeaders['X-Plex-Container-Size'] !== '0',
    ).length
}
