/**
 * The one definition of how old a cached copy is, used by the service (Libraries rows, inspector
 * entries, file lookups), the window and the CLI, so they never disagree on what is fresh.
 *
 * - fresh: within its time-to-live; served as a cache hit.
 * - stale: past its time-to-live but served anyway, because Plex cannot be reached (stale-if-error)
 *   or because it is within the stale-while-revalidate window (a revalidation runs meanwhile).
 * - expired: past its time-to-live and not served: the next read asks Plex.
 *
 * "Cached" is any of the three: a copy is kept (for stale serving) until its retention ends.
 */
export type Freshness = 'fresh' | 'stale' | 'expired'

export interface FreshnessInputs {
  expiresAt: number
  now: number
  /** Plex could not be reached lately, so kept copies are what readers get. */
  offline: boolean
  /** The stale-while-revalidate window in milliseconds (0: off). */
  staleWhileRevalidateMs?: number
}

export function freshnessOf({
  expiresAt,
  now,
  offline,
  staleWhileRevalidateMs = 0,
}: FreshnessInputs): Freshness {
  if (expiresAt > now) return 'fresh'
  if (offline) return 'stale'
  return now - expiresAt < staleWhileRevalidateMs ? 'stale' : 'expired'
}
