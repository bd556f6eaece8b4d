import type { LibraryRow } from '../../../shared/service-types'

/** What the badge says. "expiring soon" and "expired" follow the local clock, between reads. */
export type DisplayState =
  'fresh' | 'expiring' | 'expired' | 'stale' | 'revalidating' | 'refreshing' | 'waiting' | 'missing'

/** A listing is "expiring soon" within this much of its expiry... */
export const EXPIRING_SOON_MS = 5 * 60 * 1000
/** ...or within this share of its TTL, whichever is shorter, so a 2-minute TTL is not always "soon". */
export const EXPIRING_SOON_SHARE = 0.1

export const STATE_LABELS: Record<DisplayState, string> = {
  fresh: 'Fresh',
  expiring: 'Expiring soon',
  expired: 'Expired',
  stale: 'Stale · offline',
  revalidating: 'Stale · revalidating',
  refreshing: 'Refreshing',
  waiting: 'Waiting',
  missing: 'Not cached',
}

export const STATE_DESCRIPTIONS: Record<DisplayState, string> = {
  fresh: 'Cached and within its time to live.',
  expiring: 'Cached; its time to live runs out soon.',
  expired: 'Past its time to live: the next read asks Plex again.',
  stale: 'Past its time to live, and Plex cannot be reached: the cached copy is served as it is.',
  revalidating:
    'Past its time to live, within the "serve while revalidating" window: reads get this copy at once while Plex is asked in the background.',
  refreshing: 'Being fetched from Plex now.',
  waiting: 'Queued in "Refresh all": refreshed once the libraries before it are done.',
  missing: 'Not in the cache: the next read asks Plex.',
}

export interface StatusInputs {
  row: Pick<LibraryRow, 'state' | 'fetchedAt' | 'expiresAt'>
  now: number
  /** A refresh started from this window is under way. */
  refreshing: boolean
  /** Plex is unreachable right now. */
  offline: boolean
}

/** How close to its expiry a listing counts as "expiring soon". */
export function expiringSoonThreshold(ttlMs: number): number {
  return Math.min(EXPIRING_SOON_MS, ttlMs * EXPIRING_SOON_SHARE)
}

export function displayState({ row, now, refreshing, offline }: StatusInputs): DisplayState {
  if (refreshing || row.state === 'refreshing') return 'refreshing'
  if (row.state === 'missing' || row.expiresAt === null) return 'missing'
  const left = row.expiresAt - now
  // Main's word on expiry wins (its clock decides what readers get); the local clock only runs ahead.
  if (row.state === 'stale' || row.state === 'expired' || left <= 0) {
    if (offline) return 'stale'
    // Main serves a stale copy while Plex answers only within the stale-while-revalidate window.
    return row.state === 'stale' ? 'revalidating' : 'expired'
  }
  const ttl = row.fetchedAt === null ? Infinity : row.expiresAt - row.fetchedAt
  return left <= expiringSoonThreshold(ttl) ? 'expiring' : 'fresh'
}
