import { normaliseSearchKey, type CacheEntryInfo, type LibraryPage } from '../cache'
import type { Section } from '../plex'
import { savedByPageRead } from './counters'
import type { CheckedQuery } from './items-page'
import type { ServiceContext } from './service-context'
import type { ItemsResult } from '../../shared/service-types'
import type { RecentRead, RecentReadOutcome } from '../../shared/recent-reads'

/** What a read's figures are written with, and read from a cached page. */
export type ReadRecordDeps = Pick<ServiceContext, 'counters' | 'settings'>

/**
 * A page served from a cached copy: the Plex requests it spared its consumer, the time they take
 * and the bytes served. `continuation`: a later chunk of a read already counted.
 */
export function countPageHit(
  deps: ReadRecordDeps,
  consumer: string,
  entry: CacheEntryInfo,
  query: CheckedQuery,
  itemsServed: number,
  continuation: boolean,
): void {
  const filtered = normaliseSearchKey(query.filter) !== ''
  const read = { libraryItems: entry.itemCount, offset: query.offset, limit: query.limit, filtered }
  const saved = savedByPageRead(read, deps.settings().pageSize, entry.meta?.fetchMs)
  deps.counters.servedFromCache(consumer, {
    ...saved,
    // The first chunk already counted the request that finds the section.
    requestsAvoided: continuation ? saved.requestsAvoided - 1 : saved.requestsAvoided,
    // Proportional to the entry's stored size: exact enough, and costs no serialisation on the hot path.
    bytes: Math.round((entry.bytes * itemsServed) / Math.max(1, entry.itemCount)),
  })
}

/** Who read what, for the recent reads; a library not found is named as the reader named it. */
export function readOf(
  at: number,
  consumer: string,
  kind: 'library' | 'search',
  section: Section | undefined,
  asked: string,
  query: string,
): Omit<RecentRead, 'outcome' | 'items'> {
  return {
    at,
    consumer,
    kind,
    library: section?.key ?? asked,
    libraryTitle: section?.title ?? null,
    query,
  }
}

/** A stale answer says so; otherwise a read the cache answered fresh is a hit, and Plex's answer a miss. */
export function outcomeOf(
  result: { source: 'cache' | 'plex' | 'stale' } | undefined,
  hit: boolean,
): RecentReadOutcome {
  if (result === undefined) return 'failed'
  if (result.source === 'stale') return 'stale'
  return hit ? 'hit' : 'miss'
}

export function pageResult(
  source: ItemsResult['source'],
  page: LibraryPage,
  fetchedAt: number,
  expiresAt: number,
): ItemsResult {
  return {
    source,
    total: page.total,
    offset: page.offset,
    limit: page.limit,
    items: page.items,
    fetchedAt,
    expiresAt,
  }
}
