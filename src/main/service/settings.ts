import { definedFields, presentFields } from '../../shared/defined-fields'
import { SETTING_DEFAULTS, SETTINGS } from '../../shared/settings-table'
import type { PlexCache } from '../cache'
import { ServiceError } from './errors'
import type { ServiceSettings } from '../../shared/service-types'

/** A first launch: no server yet, and every other setting at the settings table's default. */
export const DEFAULT_SETTINGS: ServiceSettings = {
  libraryTtlSeconds: SETTING_DEFAULTS.libraryTtlSeconds,
  searchTtlSeconds: SETTING_DEFAULTS.searchTtlSeconds,
  emptySearchTtlSeconds: SETTING_DEFAULTS.emptySearchTtlSeconds,
  sizeLimitBytes: SETTING_DEFAULTS.sizeLimitBytes,
  pageSize: SETTING_DEFAULTS.pageSize,
  keepWarm: SETTING_DEFAULTS.keepWarm,
  staleWhileRevalidateSeconds: SETTING_DEFAULTS.staleWhileRevalidateSeconds,
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
  const next: ServiceSettings = {
    ...current,
    ...definedFields(changes),
    ...presentFields(changes, ['serverUrl', 'token']),
  }
  checkBounds('pageSize', next.pageSize)
  if (typeof next.keepWarm !== 'boolean')
    throw new ServiceError('INVALID_ARGUMENT', 'keepWarm must be true or false')
  checkBounds('staleWhileRevalidateSeconds', next.staleWhileRevalidateSeconds ?? 0)
  cache.configure({
    libraryTtlSeconds: next.libraryTtlSeconds,
    searchTtlSeconds: next.searchTtlSeconds,
    emptySearchTtlSeconds: next.emptySearchTtlSeconds,
    sizeLimitBytes: next.sizeLimitBytes,
  })
  return next
}

/** The service checks its own settings (the cache checks the TTLs and the size limit itself). */
function checkBounds(name: 'pageSize' | 'staleWhileRevalidateSeconds', value: number): void {
  const { min, max } = SETTINGS[name]
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ServiceError('INVALID_ARGUMENT', `${name} must be a whole number from ${min} to ${max}`)
  }
}
