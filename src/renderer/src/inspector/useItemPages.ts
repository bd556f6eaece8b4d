import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { CachedItem } from '../../../shared/plex-data'
import { useBridge } from '../bridge/BridgeContext'
import { useToasts } from '../toasts/Toasts'

/** Items per getLibraryItems call: a few screens of rows, small enough to parse within a frame. */
export const PAGE_SIZE = 200
/** Pages kept in memory; a 100,000-item library is 500 pages and is never held whole. */
const MAX_PAGES = 40

export interface ItemsQuery {
  library: string
  filter: string
  /** Changes when the cached listing is replaced, so its pages are read again. */
  generation: number
}

interface Snapshot {
  key: string
  library: string
  total: number
  /** Page start offset → the items of that page. */
  pages: ReadonlyMap<number, readonly CachedItem[]>
}

export interface ItemPages {
  /** The query the rows belong to; it trails the asked-for query until its first page arrives. */
  key: string | null
  total: number | undefined
  /** True while the asked-for query has not answered yet (the previous rows stay on screen). */
  pending: boolean
  itemAt(index: number): CachedItem | undefined
  /** Asks for the pages that hold rows first..last (inclusive) if they are not cached. */
  ensure(first: number, last: number): void
}

export const queryKey = (query: ItemsQuery | null) =>
  query === null ? null : JSON.stringify([query.library, query.filter, query.generation])

/** Keeps the newest page and the pages closest to it when over the limit. */
function withPage(snapshot: Snapshot, offset: number, items: readonly CachedItem[]): Snapshot {
  const pages = new Map(snapshot.pages).set(offset, items)
  if (pages.size > MAX_PAGES) {
    const farthest = [...pages.keys()].sort((a, b) => Math.abs(b - offset) - Math.abs(a - offset))
    for (const key of farthest.slice(0, pages.size - MAX_PAGES)) pages.delete(key)
  }
  return { ...snapshot, pages }
}

/**
 * One cached library as pages fetched on demand: only the rows near the visible window are ever
 * asked for, and a new filter replaces the rows only once its first page has arrived.
 */
export function useItemPages(library: string | null, filter: string, generation: number): ItemPages {
  const query = useMemo<ItemsQuery | null>(
    () => (library === null ? null : { library, filter, generation }),
    [library, filter, generation],
  )
  const bridge = useBridge()
  const toasts = useToasts()
  const [snapshot, setSnapshot] = useState<Snapshot | null>(null)
  const latest = useRef<{ query: ItemsQuery | null; snapshot: Snapshot | null }>({ query, snapshot })
  const inFlight = useRef(new Set<string>())
  const wanted = queryKey(query)

  useEffect(() => {
    latest.current = { query, snapshot }
  })

  const load = useCallback(
    async (target: ItemsQuery, offset: number) => {
      const key = queryKey(target) ?? ''
      const flightKey = `${key}@${offset}`
      if (inFlight.current.has(flightKey)) return
      inFlight.current.add(flightKey)
      try {
        const result = await bridge.getLibraryItems({
          library: target.library,
          offset,
          limit: PAGE_SIZE,
          ...(target.filter === '' ? {} : { filter: target.filter }),
        })
        // An answer for a query the user has moved on from is dropped.
        if (queryKey(latest.current.query) !== key) return
        if (!result.ok) {
          toasts.show('error', result.error.message)
          return
        }
        const { items, total } = result.value
        setSnapshot((previous) =>
          previous !== null && previous.key === key
            ? withPage({ ...previous, total }, offset, items)
            : { key, library: target.library, total, pages: new Map([[offset, items]]) },
        )
      } finally {
        inFlight.current.delete(flightKey)
      }
    },
    [bridge, toasts],
  )

  // A new library, filter or listing: its first page decides the total.
  useEffect(() => {
    if (query !== null) void load(query, 0)
  }, [query, load])

  // A new snapshot makes a new function, so the grid asks again once a page has arrived.
  const ensure = useCallback(
    (first: number, last: number) => {
      if (query === null || snapshot === null || snapshot.key !== wanted) return
      for (let offset = Math.floor(first / PAGE_SIZE) * PAGE_SIZE; offset <= last; offset += PAGE_SIZE) {
        if (offset < snapshot.total && !snapshot.pages.has(offset)) void load(query, offset)
      }
    },
    [query, snapshot, wanted, load],
  )

  // Rows of another library are never shown; rows of the same library under an older filter are,
  // until the new filter answers, so typing does not blank the list.
  const visible = snapshot !== null && query !== null && snapshot.library === query.library
  const itemAt = useCallback(
    (index: number) => {
      if (snapshot === null) return undefined
      const offset = Math.floor(index / PAGE_SIZE) * PAGE_SIZE
      return snapshot.pages.get(offset)?.[index - offset]
    },
    [snapshot],
  )

  return {
    key: visible ? snapshot.key : null,
    total: visible ? snapshot.total : undefined,
    pending: snapshot?.key !== wanted,
    itemAt,
    ensure,
  }
}
