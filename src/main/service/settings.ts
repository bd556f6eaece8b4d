import type { PlexCache } from '../cache'
import { DEFAULT_PAGE_SIZE } from '../plex'
import { ServiceError } from './errors'
import { MAX_STALE_WHILE_REVALIDATE_SECONDS } from './revalidation'
import type { ServiceSettings } from './types'

const MAX_PAGE_SIZE = 10_000

/** A first launch: no server yet, an hour's TTL, 100 MB, and the client's measured best page size. */
export const DEFAULT_SETTINGS: ServiceSettings = {
  libraryTtlSeconds: 3600,
  searchTtlSeconds: 3600,
  // Short, so a file Plex has only just scanned is not reported missing for long.
  emptySearchTtlSeconds: 300,
  sizeLimitBytes: 100 * 1024 * 1024,
  pageSize: DEFAULT_PAGE_SIZE,
  keepWarm: true,
  // Off: a copy past its TTL is never served while Plex answers. The change-aware revalidation that
  // runs instead costs two small requests when nothing changed, and when something did change the
  // stale copy is exactly the wrong answer; keep-warm keeps libraries fresh while the app runs.
  staleWhileRevalidateSeconds: 0,
}

/**
 * Merges a settings change and applies the cache's part (TTLs, size limit) at once. A field present
 * as undefined clears it (serverUrl or token: disconnect); the cache validates its own numbers.
 */
export function applySettings(
  cache: PlexCache,
  current: ServiceSettings,
  changes: Partial<ServiceSettings>,
): ServiceSettings {
  const next: ServiceSettings = { ...current }
  for (const [name, value] of Object.entries(changes) as Array<[keyof ServiceSettings, unknown]>) {
    if (value === undefined && name !== 'serverUrl' && name !== 'token') continue
    ;(next as unknown as Record<string, unknown>)[name] = value
  }
  if (!Number.isInteger(next.pageSize) || next.pageSize < 1 || next.pageSize > MAX_PAGE_SIZE) {
    throw new ServiceError('INVALID_ARGUMENT', `pageSize must be a whole number from 1 to ${MAX_PAGE_SIZE}`)
  }
  if (typeof next.keepWarm !== 'boolean')
    throw new ServiceError('INVALID_ARGUMENT', 'keepWarm must be true or false')
  const window = next.staleWhileRevalidateSeconds ?? 0
  if (!Number.isInteger(window) || window < 0 || window > MAX_STALE_WHILE_REVALIDATE_SECONDS) {
    throw new ServiceError(
      'INVALID_ARGUMENT',
      `staleWhileRevalidateSeconds must be a whole number from 0 to ${MAX_STALE_WHILE_REVALIDATE_SECONDS}`,
    )
  }
  cache.configure({
    libraryTtlSeconds: next.libraryTtlSeconds,
    searchTtlSeconds: next.searchTtlSeconds,
    emptySearchTtlSeconds: next.emptySearchTtlSeconds,
    sizeLimitBytes: next.sizeLimitBytes,
  })
  return next
}
