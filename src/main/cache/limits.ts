import { definedFields } from '../../shared/defined-fields'
import { MAX_TTL_SECONDS, SETTING_DEFAULTS } from '../../shared/settings-table'
import { checkWholeNumber } from './input-checks'

export interface CacheLimits {
  libraryTtlSeconds: number
  searchTtlSeconds: number
  emptySearchTtlSeconds: number
  sizeLimitBytes: number
  staleRetentionSeconds: number
}

export const DEFAULT_LIMITS: CacheLimits = {
  libraryTtlSeconds: SETTING_DEFAULTS.libraryTtlSeconds,
  searchTtlSeconds: SETTING_DEFAULTS.searchTtlSeconds,
  emptySearchTtlSeconds: SETTING_DEFAULTS.emptySearchTtlSeconds,
  sizeLimitBytes: SETTING_DEFAULTS.sizeLimitBytes,
  staleRetentionSeconds: 0,
}

// The settings table's ceiling. The cache's own floor (1 second, 1 byte) is lower than the table's
// on purpose: the table bounds what a person may choose, the cache only what it can work with.
export { MAX_TTL_SECONDS }

export function checkLimits(limits: CacheLimits): CacheLimits {
  checkWholeNumber(limits.libraryTtlSeconds, 'libraryTtlSeconds', 1, MAX_TTL_SECONDS)
  checkWholeNumber(limits.searchTtlSeconds, 'searchTtlSeconds', 1, MAX_TTL_SECONDS)
  checkWholeNumber(limits.emptySearchTtlSeconds, 'emptySearchTtlSeconds', 1, MAX_TTL_SECONDS)
  checkWholeNumber(limits.sizeLimitBytes, 'sizeLimitBytes', 1, Number.MAX_SAFE_INTEGER)
  checkWholeNumber(limits.staleRetentionSeconds, 'staleRetentionSeconds', 0, MAX_TTL_SECONDS)
  return limits
}

const LIMIT_NAMES = Object.keys(DEFAULT_LIMITS) as Array<keyof CacheLimits>

/** The limits `source` sets, leaving out the ones it does not and whatever else it carries. */
export function definedOnly(source: Partial<CacheLimits>): Partial<CacheLimits> {
  return definedFields(source, LIMIT_NAMES)
}
