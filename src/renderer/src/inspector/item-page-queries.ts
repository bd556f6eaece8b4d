import type { QueryClient } from '@tanstack/react-query'
import type { PlexCacheBridge } from '../../../shared/contract'
import type { CachedItem } from '../../../shared/plex-data'
import { unwrap } from '../data/bridge-read'
import type { ReadQuery } from '../data/read-operations'

/** Items per getLibraryItems call: a few screens of rows, small enough to parse within a frame. */
export const PAGE_SIZE = 200
/** Pages kept while off screen; a 100,000-item library is 500 pages and is never held whole. */
export const MAX_PAGES = 40

export interface ItemsQuery {
  library: string
  filter: string
  /** Changes when the cached listing is replaced, so its pages are new keys, read afresh. */
  generation: number
}

export interface ItemPage {
  /** The query this page answers, so rows kept on screen while another loads know what they are. */
  query: ItemsQuery
  offset: number
  total: number
  items: readonly CachedItem[]
}

/** One page of one library under one filter: getLibraryItems, keyed by everything that decides its rows. */
export function itemPageQuery(
  bridge: PlexCacheBridge,
  query: ItemsQuery,
  offset: number,
): ReadQuery<ItemPage> {
  return {
    queryKey: ['getLibraryItems', query.library, query.filter, query.generation, offset],
    queryFn: async () => {
      const result = await unwrap(
        bridge.getLibraryItems({
          library: query.library,
          offset,
          limit: PAGE_SIZE,
          ...(query.filter === '' ? {} : { filter: query.filter }),
        }),
      )
      return { query, offset, total: result.total, items: result.items }
    },
  }
}

/** The start offsets of the pages holding rows first..last (inclusive) of a list of `total` rows. */
export function pageOffsets(first: number, last: number, total: number): number[] {
  const offsets: number[] = []
  for (
    let offset = Math.floor(first / PAGE_SIZE) * PAGE_SIZE;
    offset <= last && offset < total;
    offset += PAGE_SIZE
  ) {
    offsets.push(offset)
  }
  return offsets
}

/**
 * Drops the pages no row on screen uses, oldest first, beyond MAX_PAGES: scrolling back a little
 * finds its pages kept, scrolling through a whole 100,000-item library does not keep them all.
 */
export function trimOffscreenPages(client: QueryClient): void {
  const cache = client.getQueryCache()
  const offscreen = cache
    .findAll({ queryKey: ['getLibraryItems'], type: 'inactive' })
    .sort((a, b) => a.state.dataUpdatedAt - b.state.dataUpdatedAt)
  for (const query of offscreen.slice(0, Math.max(0, offscreen.length - MAX_PAGES))) cache.remove(query)
}
