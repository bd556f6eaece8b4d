import { PlexCache, type CacheEvent } from './cache'
import { persistentClientIdentifier } from './client-id'
import { silentLogger, type Logger } from './log'
import type { FetchFunction } from './plex'
import { CacheService, type ClientTuning, type ServiceSettings, type UpkeepOptions } from './service'

export interface CoreOptions {
  dataDir: string
  /** Node's global fetch, or Electron's net.fetch. */
  fetch: FetchFunction
  clock?: () => number
  settings: ServiceSettings
  /** Default: a UUID kept in `<dataDir>/client-id`. */
  clientIdentifier?: string
  /** How long expired listings are kept to be served stale while Plex is down (default 7 days). */
  staleRetentionSeconds?: number
  /** Timeouts and retry backoff of the Plex client (tests make retries instant). */
  clientTuning?: ClientTuning
  upkeep?: Partial<UpkeepOptions>
  /** How long each other address of a signed-in server gets to answer when failing over (default 3 s). */
  failoverProbeTimeoutMs?: number
  /** Cache events to show the user, such as a damaged cache file moved aside. */
  onCacheEvent?: (event: CacheEvent) => void
  /** Refreshes, revalidations and evictions are logged here (already redacted); default: nowhere. */
  logger?: Logger
}

export interface Core {
  cache: PlexCache
  service: CacheService
  /** Stops the service (timers, requests under way), then closes the cache file. */
  close(): Promise<void>
}

export const DEFAULT_STALE_RETENTION_SECONDS = 7 * 24 * 3600

/** Builds the app: Electron's main, the CLI, the tests and the browser harness all start here. */
export function createCore(options: CoreOptions): Core {
  const { settings } = options
  const logger = options.logger ?? silentLogger
  const cache = new PlexCache({
    dataDir: options.dataDir,
    libraryTtlSeconds: settings.libraryTtlSeconds,
    searchTtlSeconds: settings.searchTtlSeconds,
    emptySearchTtlSeconds: settings.emptySearchTtlSeconds,
    sizeLimitBytes: settings.sizeLimitBytes,
    staleRetentionSeconds: options.staleRetentionSeconds ?? DEFAULT_STALE_RETENTION_SECONDS,
    clock: options.clock,
    onEvent: options.onCacheEvent,
    onEvicted: (reason, count) =>
      logger.info(`Evicted ${count} cache entr${count === 1 ? 'y' : 'ies'} (${reason.replace('_', ' ')})`),
  })
  try {
    const service = new CacheService({
      cache,
      fetch: options.fetch,
      clock: options.clock,
      settings,
      logger,
      clientIdentifier: options.clientIdentifier ?? persistentClientIdentifier(options.dataDir),
      clientTuning: options.clientTuning,
      upkeep: options.upkeep,
      failoverProbeTimeoutMs: options.failoverProbeTimeoutMs,
    })
    let closing: Promise<void> | undefined
    return {
      cache,
      service,
      close: () => {
        closing ??= service.close().finally(() => cache.close())
        return closing
      },
    }
  } catch (error) {
    cache.close()
    throw error
  }
}
