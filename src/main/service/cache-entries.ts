import type { Freshness } from '../../shared/freshness'
import { sectionKeyOf } from './cache-keys'
import { freshnessNow, type FreshnessDeps } from './freshness'
import type { ServiceContext } from './service-context'
import type { CacheEntryRow } from '../../shared/service-types'

/** The entries' own needs, and freshness's. */
export type CacheEntriesDeps = Pick<ServiceContext, 'cache' | 'connection'> & FreshnessDeps

/**
 * The inspector's list: every cache entry of the current server (listings and searches) that is
 * still kept, expired ones included with their state, so a stale copy can be browsed while Plex is
 * down. Keyed by section key as everywhere else in the service; other servers' entries stay hidden.
 */
/** How many of the current server's kept entries are fresh, stale or expired (for the statistics). */
export function countEntryStates(ctx: CacheEntriesDeps): Record<Freshness, number> {
  const counts: Record<Freshness, number> = { fresh: 0, stale: 0, expired: 0 }
  for (const row of listCacheEntries(ctx)) counts[row.state]++
  return counts
}

export function listCacheEntries(ctx: CacheEntriesDeps): CacheEntryRow[] {
  const server = ctx.connection().knownServer()
  if (!server) return []
  const rows: CacheEntryRow[] = []
  for (const entry of ctx.cache.listEntries({ allowStale: true })) {
    const library = sectionKeyOf(entry.library, server.machineIdentifier)
    if (library === undefined) continue
    rows.push({
      kind: entry.namespace,
      library,
      query: entry.query,
      libraryTitle: entry.meta?.title,
      itemCount: entry.itemCount,
      bytes: entry.bytes,
      createdAt: entry.createdAt,
      expiresAt: entry.expiresAt,
      state: freshnessNow(ctx, entry.expiresAt),
    })
  }
  return rows
}
