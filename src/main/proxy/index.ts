import type { Logger } from '../log'
import type { FetchFunction } from '../plex'
import type { CacheService } from '../service'

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
}

export interface CacheProxy {
  /** The base URL clients use as their Plex server URL, e.g. http://127.0.0.1:32499 */
  url: string
  close(): Promise<void>
}

export const DEFAULT_PROXY_PORT = 32499
export const DEFAULT_PROXY_HOST = '127.0.0.1'

export function startCacheProxy(options: CacheProxyOptions): Promise<CacheProxy> {
  void options
  return Promise.reject(new Error('The caching proxy is not implemented yet'))
}
