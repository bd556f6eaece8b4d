import { sectionKeyOf } from './cache-keys'
import { freshnessNow } from './freshness'
import type { ServiceContext } from './service-context'
import type { CacheEntryRow } from './types'

/**
 * The inspector's list: every cache entry of the current server (listings and searches) that is
 * still kept, expired ones included with their state, so a stale copy can be browsed while Plex is
 * down. Keyed by section key as everywhere else in the service; other servers' entries stay hidden.
 */
export function listCacheEntries(ctx: ServiceContext): CacheEntryRow[] {
  const server = ctx.connection().knownServer()
  if (!server) return []
  const rows: CacheEntryRow[] = []
  for (const entry of ctx.cache.listEntries({ allowStale: true })) {
    const library = sectionKeyOf(entry.library, server.machineIdentifier)
    if (library === undefined) continue
    rows.push({
      kind: entry.namespace,
      library,
      ...(entry.query !== undefined ? { query: entry.query } : {}),
      ...(entry.meta?.title !== undefined ? { libraryTitle: entry.meta.title } : {}),
      itemCount: entry.itemCount,
      bytes: entry.bytes,
      createdAt: entry.createdAt,
      expiresAt: entry.expiresAt,
      state: freshnessNow(ctx, entry.expiresAt),
    })
  }
  return rows
}
