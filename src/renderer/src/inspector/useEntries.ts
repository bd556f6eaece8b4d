import type { CacheEntryRow } from '../../../shared/service-types'
import { useBridge } from '../bridge/BridgeContext'
import { readOperations } from '../data/read-operations'
import { useRead, type Reloadable } from '../data/useRead'

/** Every live cache entry (listings and searches), re-read whenever cached data changes. */
export function useEntries(): Reloadable<CacheEntryRow[]> {
  return useRead(readOperations.listEntries(useBridge()))
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
