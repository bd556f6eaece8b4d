import { INSPECTION_CONSUMER } from '../cache'
import { sectionKeyOf } from './cache-keys'
import { allowsStaleServing, ServiceError, toServiceError } from './errors'
import type { ServerRecord } from './plex-connection'
import { inRevalidationWindow, revalidateInBackground } from './revalidation'
import type { ServiceContext } from './service-context'
import type { FileMatchRow, ServiceErrorInfo } from '../../shared/service-types'
import type { RecentReadOutcome } from '../../shared/recent-reads'

/** What file lookups read, count and revalidate with. */
export type FileLookupDeps = Pick<
  ServiceContext,
  'cache' | 'clock' | 'connection' | 'counters' | 'directory' | 'loader' | 'monitor' | 'settings'
>

/** Expired libraries whose kept copy may answer, by cache key, with the Plex failure that made it so. */
type ServableStale = Map<string, ServiceErrorInfo | undefined>

/**
 * "Which Plex item is this file?": a file name, or a full path when it contains a slash, in the
 * current server's cached libraries. It is the main use case, so it keeps working while Plex is
 * down: an expired library is first revalidated (change-aware, like any cache-through read), and
 * when Plex cannot be asked its kept copy answers, each row marked stale with its age.
 */
export class FileLookup {
  constructor(private readonly ctx: FileLookupDeps) {}

  /**
   * A lookup is never a hit or a miss: Plex has no file lookup to compare it with (without the
   * cache it would take every library's whole listing). The window's lookups count as inspection.
   */
  async find(nameOrPath: string, consumer: string): Promise<FileMatchRow[]> {
    if (typeof nameOrPath !== 'string' || nameOrPath.trim() === '') {
      throw new ServiceError('INVALID_ARGUMENT', 'Give a file name or a full path to look for.')
    }
    if (consumer === INSPECTION_CONSUMER) this.ctx.counters.add('inspectionReads', 1)
    let rows: FileMatchRow[] | undefined
    try {
      const server = this.ctx.connection().knownServer()
      const servable = server ? await this.renewExpired(server) : new Map()
      rows = this.lookup(nameOrPath.trim(), server, servable)
      return rows
    } finally {
      this.ctx.counters.recentRead({
        at: this.ctx.clock(),
        consumer,
        kind: 'find',
        library: null,
        libraryTitle: null,
        query: nameOrPath.trim(),
        outcome: lookupOutcome(rows),
        items: rows ? rows.length : null,
      })
    }
  }

  /** Revalidates the expired libraries of the server; those Plex could not be asked about answer stale. */
  private async renewExpired(server: ServerRecord): Promise<ServableStale> {
    const { cache, directory, loader, monitor } = this.ctx
    const now = this.ctx.clock()
    const expired = cache
      .listEntries({ allowStale: true })
      .filter(
        (entry) =>
          entry.namespace === 'library' &&
          entry.expiresAt <= now &&
          sectionKeyOf(entry.library, server.machineIdentifier) !== undefined,
      )
    const servable: ServableStale = new Map()
    if (expired.length === 0) return servable
    for (const entry of expired) {
      // Within the stale-while-revalidate window: served at once, revalidated behind the answer.
      const sectionKey = sectionKeyOf(entry.library, server.machineIdentifier) ?? ''
      const section = directory.cachedSection(server, sectionKey)
      if (!section || !inRevalidationWindow(this.ctx, entry.expiresAt)) continue
      revalidateInBackground(this.ctx, server, section)
      servable.set(entry.library, undefined)
    }
    const toRenew = expired.filter((entry) => !servable.has(entry.library))
    if (toRenew.length === 0) return servable
    const listed = await directory.list(server)
    for (const entry of toRenew) {
      // Once Plex has proved unreachable, asking again per library would only add timeouts.
      if (monitor.isOffline) {
        servable.set(entry.library, monitor.current().lastError ?? listed.error?.info)
        continue
      }
      const section = listed.sections.find(
        (candidate) => candidate.key === sectionKeyOf(entry.library, server.machineIdentifier),
      )
      if (!section) continue
      try {
        await loader.refresh(server, section, false, listed.fromPlex ? section : undefined)
      } catch (error) {
        const failure = toServiceError(error, this.ctx.connection().secrets)
        if (!allowsStaleServing(failure)) throw failure
        servable.set(entry.library, failure.info)
      }
    }
    return servable
  }

  private lookup(wanted: string, server: ServerRecord | undefined, servable: ServableStale): FileMatchRow[] {
    const { cache } = this.ctx
    const options = { allowStale: true }
    const matches = /[\\/]/.test(wanted)
      ? cache.findByPath(wanted, options)
      : cache.findByFileName(wanted, options)
    const libraries = new Map<string, ReturnType<typeof cache.getLibraryInfo>>()
    const rows: FileMatchRow[] = []
    for (const match of matches) {
      const sectionKey = server ? sectionKeyOf(match.library, server.machineIdentifier) : match.library
      if (sectionKey === undefined) continue
      if (!libraries.has(match.library)) libraries.set(match.library, cache.getLibraryInfo(match.library))
      const info = libraries.get(match.library)
      if (!info || (info.expired && !servable.has(match.library))) continue
      const error = info.expired ? servable.get(match.library) : undefined
      rows.push({
        library: { key: sectionKey, title: info.meta?.title ?? sectionKey },
        item: match.item,
        file: match.file,
        source: info.expired ? 'stale' : 'cache',
        fetchedAt: info.createdAt,
        error,
      })
    }
    return originalsFirst(rows)
  }
}

/** Any kept copy answering makes the lookup stale; no match at all is a miss (the cache had no answer). */
function lookupOutcome(rows: FileMatchRow[] | undefined): RecentReadOutcome {
  if (rows === undefined) return 'failed'
  if (rows.some((row) => row.source === 'stale')) return 'stale'
  return rows.length > 0 ? 'hit' : 'miss'
}

/**
 * An "Optimize" copy shares its item, and often its file name, with the original; a tool taking
 * the first answer must get the user's own file. Stable, so each group keeps the cache's order.
 */
function originalsFirst(rows: FileMatchRow[]): FileMatchRow[] {
  const originals = rows.filter((row) => !row.file.optimized)
  return originals.length === rows.length ? rows : [...originals, ...rows.filter((row) => row.file.optimized)]
}
