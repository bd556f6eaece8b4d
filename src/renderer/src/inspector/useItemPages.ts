import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useMemo, useState } from 'react'
import type { CachedItem } from '../../../shared/plex-data'
import { useBridge } from '../bridge/BridgeContext'
import { contractErrorOf } from '../data/bridge-read'
import { useErrorToast } from '../data/useErrorToast'
import {
  itemPageQuery,
  PAGE_SIZE,
  pageOffsets,
  trimOffscreenPages,
  type ItemPage,
  type ItemsQuery,
} from './item-page-queries'

export { PAGE_SIZE, type ItemsQuery } from './item-page-queries'

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

// A page of a given listing never changes (a replaced listing is a new generation, so new keys):
// one read each, however often it scrolls into view again.
const PAGE_OPTIONS = { staleTime: Infinity } as const

/**
 * One cached library as pages fetched on demand: only the rows near the visible window are ever
 * asked for, and a new filter replaces the rows only once its first page has arrived.
 */
export function useItemPages(library: string | null, filter: string, generation: number): ItemPages {
  const bridge = useBridge()
  const client = useQueryClient()
  const wanted = useMemo<ItemsQuery | null>(
    () => (library === null ? null : { library, filter, generation }),
    [library, filter, generation],
  )
  const [range, setRange] = useState({ first: 0, last: 0 })

  // The first page decides the total. Rows of the same library under an older filter stay until
  // the new filter answers, so typing does not blank the list; rows of another library never show.
  const firstPage = useQuery({
    ...itemPageQuery(bridge, wanted ?? { library: '', filter: '', generation: 0 }, 0),
    ...PAGE_OPTIONS,
    enabled: wanted !== null,
    placeholderData: (previous: ItemPage | undefined) =>
      previous !== undefined && previous.query.library === wanted?.library ? previous : undefined,
  })
  const shown = firstPage.data
  const later = shown === undefined ? [] : pageOffsets(range.first, range.last, shown.total).filter(Boolean)
  const laterPages = useQueries({
    queries: later.map((offset) => ({ ...itemPageQuery(bridge, shown!.query, offset), ...PAGE_OPTIONS })),
  })

  const pages = new Map<number, readonly CachedItem[]>()
  if (shown !== undefined) pages.set(0, shown.items)
  for (const page of laterPages) if (page.data !== undefined) pages.set(page.data.offset, page.data.items)
  const loaded = [...pages.keys()].join()
  useEffect(() => trimOffscreenPages(client), [client, loaded])

  useErrorToast(
    contractErrorOf(firstPage.error ?? laterPages.find((page) => page.error !== null)?.error ?? null),
  )

  const ensure = useCallback(
    (first: number, last: number) =>
      setRange((current) => (current.first === first && current.last === last ? current : { first, last })),
    [],
  )
  const itemAt = (index: number) => {
    const offset = Math.floor(index / PAGE_SIZE) * PAGE_SIZE
    return pages.get(offset)?.[index - offset]
  }

  return {
    key: shown === undefined ? null : queryKey(shown.query),
    total: shown?.total,
    pending: wanted !== null && (firstPage.isPlaceholderData || firstPage.isPending),
    itemAt,
    ensure,
  }
}
