import { foldForMatch } from '../../shared/text-fold'
import type { CachedItem, LibraryPage } from '../cache'
import { sortByTitle } from '../cache/title-order'
import { ServiceError } from './errors'
import type { ItemsQuery } from '../../shared/service-types'

const DEFAULT_LIMIT = 200
/** The cache's own page limit; checked here too so both ways of serving a page accept the same queries. */
const MAX_LIMIT = 10_000
const MAX_FILTER_LENGTH = 1024

export interface CheckedQuery {
  offset: number
  limit: number
  filter: string
}

export function checkItemsQuery(query: ItemsQuery = {}): CheckedQuery {
  const offset = query.offset ?? 0
  const limit = query.limit ?? DEFAULT_LIMIT
  const filter = query.filter ?? ''
  if (!Number.isSafeInteger(offset) || offset < 0) {
    throw new ServiceError('INVALID_ARGUMENT', `offset must be a whole number of 0 or more, got ${offset}`)
  }
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new ServiceError(
      'INVALID_ARGUMENT',
      `limit must be a whole number from 1 to ${MAX_LIMIT}, got ${limit}`,
    )
  }
  if (typeof filter !== 'string' || filter.length > MAX_FILTER_LENGTH) {
    throw new ServiceError(
      'INVALID_ARGUMENT',
      `filter must be text of at most ${MAX_FILTER_LENGTH} characters`,
    )
  }
  return { offset, limit, filter }
}

/**
 * A page of a listing just fetched from Plex, with the cache's rules (natural title order, filter
 * on the title or a file path, ignoring case and accents). Served from memory: the listing may have been too large
 * to store, and reading it back would count a cache hit that never happened.
 */
export function pageOfItems(items: readonly CachedItem[], query: CheckedQuery): LibraryPage {
  const needle = foldForMatch(query.filter.trim())
  const matching =
    needle === ''
      ? items
      : items.filter(
          (item) => contains(item.title, needle) || item.files.some((file) => contains(file.path, needle)),
        )
  const ordered = sortByTitle(matching)
  return {
    items: ordered.slice(query.offset, query.offset + query.limit),
    total: ordered.length,
    offset: query.offset,
    limit: query.limit,
  }
}

/**
 * Plex's search rule, used to answer a title search from a cached library: a substring, ignoring
 * case and accents ("amelie" finds "Amélie"), like the filter and find by file.
 */
export function titleContains(item: CachedItem, title: string): boolean {
  return contains(item.title, foldForMatch(title.trim()))
}

function contains(text: string, foldedNeedle: string): boolean {
  return foldForMatch(text).includes(foldedNeedle)
}
