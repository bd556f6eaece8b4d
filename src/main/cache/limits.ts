import { checkWholeNumber } from './input-checks'

export interface CacheLimits {
  libraryTtlSeconds: number
  searchTtlSeconds: number
  emptySearchTtlSeconds: number
  sizeLimitBytes: number
  staleRetentionSeconds: number
}

export const DEFAULT_LIMITS: CacheLimits = {
  libraryTtlSeconds: 3600,
  searchTtlSeconds: 3600,
  // Short, so a file Plex has only just scanned is not reported missing for an hour.
  emptySearchTtlSeconds: 300,
  sizeLimitBytes: 100 * 1024 * 1024,
  staleRetentionSeconds: 0,
}

export const MAX_TTL_SECONDS = 365 * 24 * 3600

export function checkLimits(limits: CacheLimits): CacheLimits {
  checkWholeNumber(limits.libraryTtlSeconds, 'libraryTtlSeconds', 1, MAX_TTL_SECONDS)
  checkWholeNumber(limits.searchTtlSeconds, 'searchTtlSeconds', 1, MAX_TTL_SECONDS)
  checkWholeNumber(limits.emptySearchTtlSeconds, 'emptySearchTtlSeconds', 1, MAX_TTL_SECONDS)
  checkWholeNumber(limits.sizeLimitBytes, 'sizeLimitBytes', 1, Number.MAX_SAFE_INTEGER)
  checkWholeNumber(limits.staleRetentionSeconds, 'staleRetentionSeconds', 0, MAX_TTL_SECONDS)
  return limits
}

export function definedOnly(source: Partial<CacheLimits>): Partial<CacheLimits> {
  const picked: Partial<CacheLimits> = {}
  for (const name of Object.keys(DEFAULT_LIMITS) as Array<keyof CacheLimits>) {
    if (source[name] !== undefined) picked[name] = source[name]
  }
  return picked
}
