import { sectionKeyOf } from './cache-keys'
import type { ServiceContext } from './service-context'
import type { CacheEntryRow } from './types'

/**
 * The inspector's list: every live cache entry of the current server (listings and searches),
 * keyed by section key as everywhere else in the service. Entries of other servers stay hidden.
 */
export function listCacheEntries(ctx: ServiceContext): CacheEntryRow[] {
  const server = ctx.connection().knownServer()
  if (!server) return []
  const rows: CacheEntryRow[] = []
  for (const entry of ctx.cache.listEntries()) {
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
    })
  }
  return rows
}
