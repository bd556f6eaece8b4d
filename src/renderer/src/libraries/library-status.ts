import type { LibraryRow } from '../../../shared/service-types'

/** What the badge says. "expiring soon" and "expired" follow the local clock, between reads. */
export type DisplayState = 'fresh' | 'expiring' | 'expired' | 'stale' | 'refreshing' | 'missing'

/** A fresh listing this close to its expiry is shown as expiring soon. */
export const EXPIRING_SOON_MS = 5 * 60 * 1000

export const STATE_LABELS: Record<DisplayState, string> = {
  fresh: 'Fresh',
  expiring: 'Expiring soon',
  expired: 'Expired',
  stale: 'Stale · offline',
  refreshing: 'Refreshing',
  missing: 'Not cached',
}

export function displayState(row: LibraryRow, now: number, refreshing: boolean): DisplayState {
  if (refreshing || row.state === 'refreshing') return 'refreshing'
  if (row.state === 'missing' || row.state === 'stale' || row.state === 'expired') return row.state
  if (row.expiresAt === null) return 'missing'
  const left = row.expiresAt - now
  if (left <= 0) return 'expired'
  return left <= EXPIRING_SOON_MS ? 'expiring' : 'fresh'
}
