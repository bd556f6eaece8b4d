import { useCallback } from 'react'
import type { CacheEntryRow } from '../../../shared/service-types'
import { useBridge } from '../bridge/BridgeContext'
import { useBridgeEvent } from '../bridge/useBridgeEvent'
import { useReloadable, type Reloadable } from '../hooks/useReloadable'

/** Every live cache entry (listings and searches), re-read whenever cached data changes. */
export function useEntries(): Reloadable<CacheEntryRow[]> {
  const bridge = useBridge()
  const read = useCallback(() => bridge.listEntries(), [bridge])
  const entries = useReloadable(read)
  useBridgeEvent('changed', entries.reload)
  useBridgeEvent('settings', entries.reload)
  return entries
}

/** Listings first (by library title), then searches by library and query. */
export function sortEntries(rows: readonly CacheEntryRow[]): CacheEntryRow[] {
  const name = (row: CacheEntryRow) => row.libraryTitle ?? row.library
  return [...rows].sort(
    (a, b) =>
      (a.kind === b.kind ? 0 : a.kind === 'library' ? -1 : 1) ||
      name(a).localeCompare(name(b)) ||
      (a.query ?? '').localeCompare(b.query ?? ''),
  )
}
