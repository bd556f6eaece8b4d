import type { CacheEntryInfo, HitMiss } from '../cache'
import type { Freshness } from '../../shared/freshness'
import type { ItemsProgress, Section } from '../plex'
import { libraryCacheKey } from './cache-keys'
import { freshnessNow, type FreshnessDeps } from './freshness'
import type { ServiceContext } from './service-context'
import type { LibraryRow, TooLarge } from '../../shared/service-types'

/** The rows' own needs, and freshness's. */
export type LibraryRowsDeps = Pick<ServiceContext, 'cache' | 'connection' | 'directory' | 'loader'> &
  FreshnessDeps

/** listLibraries(): every section of the current server (list cached with the library TTL) and its cache state. */
export async function listLibraryRows(ctx: LibraryRowsDeps): Promise<LibraryRow[]> {
  const { cache, directory, loader, monitor } = ctx
  const connection = ctx.connection()
  const server = await connection.server()
  const listed = await directory.list(server, { forDisplay: true })
  const counts = cache.getStats().byLibrary
  const offline = monitor.isOffline || !connection.configured || listed.error !== undefined
  return listed.sections.map((section) => {
    const key = libraryCacheKey(server.machineIdentifier, section.key)
    const entry = cache.getLibraryInfo(key)
    return libraryRow({
      section,
      entry,
      counts: counts[key],
      refreshing: loader.isLoading(key),
      progress: loader.progressOf(key),
      freshness: entry ? freshnessNow(ctx, entry.expiresAt, offline) : undefined,
      tooLarge: cache.getTooLarge(key),
    })
  })
}

export interface RowInputs {
  section: Section
  /** The cached listing, expired or not; null when not cached. */
  entry: (CacheEntryInfo & { expired: boolean }) | null
  counts: HitMiss | undefined
  refreshing: boolean
  progress: ItemsProgress | undefined
  /** The cached copy's state by the one shared definition (see freshnessOf); undefined when not cached. */
  freshness: Freshness | undefined
  /** Set when the last fetch was turned away by the size limit. */
  tooLarge?: TooLarge | null
}

/** One row of listLibraries(): a Plex section joined with the state of its cached copy. */
export function libraryRow({
  section,
  entry,
  counts,
  refreshing,
  progress,
  freshness,
  tooLarge,
}: RowInputs): LibraryRow {
  return {
    key: section.key,
    title: section.title,
    type: section.type,
    state: refreshing ? 'refreshing' : (freshness ?? 'missing'),
    cached: entry !== null,
    itemCount: entry?.itemCount ?? null,
    bytes: entry?.bytes ?? 0,
    fetchedAt: entry?.createdAt ?? null,
    expiresAt: entry?.expiresAt ?? null,
    hits: counts?.hits ?? 0,
    misses: counts?.misses ?? 0,
    ...(refreshing && progress ? { progress: { fetched: progress.fetched, total: progress.total } } : {}),
    tooLarge: tooLarge ? { neededBytes: tooLarge.neededBytes, limitBytes: tooLarge.limitBytes } : undefined,
  }
}
