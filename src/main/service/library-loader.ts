import { performance } from 'node:perf_hooks'
import type { CachedItem, LibraryMeta, PlexCache } from '../cache'
import type { ItemsProgress, Section } from '../plex'
import { libraryCacheKey } from './cache-keys'
import type { ServiceCounters } from './counters'
import { ServiceError, toServiceError } from './errors'
import type { ServiceEvents } from './events'
import type { InFlight } from './in-flight'
import type { PlexConnection, ServerRecord } from './plex-connection'
import { RefreshCancels } from './refresh-cancels'
import type { SectionDirectory } from './section-directory'
import { forgetGoneLibrary } from './gone-library'
import { describeError, type Logger } from '../log'
import type { ServiceSettings } from '../../shared/service-types'

export interface FetchedLibrary {
  items: CachedItem[]
  meta: LibraryMeta
  /** False when the listing was larger than the whole cache may be. */
  stored: boolean
  fetchedAt: number
  expiresAt: number
}

export type LoadResult =
  ({ outcome: 'fetched' } & FetchedLibrary) | { outcome: 'revalidated'; itemCount: number; expiresAt: number }

export interface LoaderDeps {
  cache: PlexCache
  clock: () => number
  connection: () => PlexConnection
  directory: SectionDirectory
  inFlight: InFlight
  counters: ServiceCounters
  events: ServiceEvents
  settings: () => ServiceSettings
  log: Logger
}

/**
 * Brings one library from Plex into the cache: a whole fetch, or (not forced) a revalidation that
 * compares the section's change markers and item count with the cached copy and only renews its
 * TTL when nothing changed. Concurrent callers share one run per library.
 */
export class LibraryLoader {
  private readonly progress = new Map<string, ItemsProgress>()
  private readonly cancels = new RefreshCancels()

  constructor(private readonly deps: LoaderDeps) {}

  /** Progress of a fetch under way, by scoped cache key. */
  progressOf(cacheKey: string): ItemsProgress | undefined {
    return this.progress.get(cacheKey)
  }

  isLoading(cacheKey: string): boolean {
    return this.deps.inFlight.has(`fetch:${cacheKey}`) || this.deps.inFlight.has(`refresh:${cacheKey}`)
  }

  /** `current` is the section as Plex listed it moments ago, when the caller has it. */
  fetch(server: ServerRecord, section: Section, current?: Section): Promise<FetchedLibrary> {
    const key = libraryCacheKey(server.machineIdentifier, section.key)
    return this.deps.inFlight.run(`fetch:${key}`, () => this.fetchNow(server, current ?? section, !current))
  }

  refresh(server: ServerRecord, section: Section, force: boolean, current?: Section): Promise<LoadResult> {
    const key = libraryCacheKey(server.machineIdentifier, section.key)
    if (force) {
      const fetching = this.fetch(server, section, current)
      return this.logged(
        section,
        fetching.then((fetched) => ({ outcome: 'fetched', ...fetched })),
      )
    }
    return this.deps.inFlight.run(`refresh:${key}`, () =>
      this.logged(section, this.revalidate(server, section, current)),
    )
  }

  /** One line per refresh, whoever asked (a read, keep-warm, the window's Refresh, the tray). */
  private async logged(section: Section, loading: Promise<LoadResult>): Promise<LoadResult> {
    const { log } = this.deps
    try {
      const loaded = await loading
      if (loaded.outcome === 'revalidated')
        log.info(
          `Revalidated "${section.title}" (${section.key}): unchanged on Plex, ${loaded.itemCount} items kept`,
        )
      return loaded
    } catch (error) {
      log.warn(`Refreshing "${section.title}" (${section.key}) failed: ${describeError(error)}`)
      throw error
    }
  }

  /**
   * Stops every fetch and revalidation under way (the user's Cancel): their Plex requests are
   * aborted and the cached copies stay as they were. Returns how many were stopped.
   */
  cancelAll(): number {
    return this.cancels.cancelAll()
  }

  private async revalidate(server: ServerRecord, section: Section, current?: Section): Promise<LoadResult> {
    const { cache, connection, directory } = this.deps
    const key = libraryCacheKey(server.machineIdentifier, section.key)
    const info = cache.getIntactLibraryInfo(key)
    const meta = info?.meta
    if (!info || !meta) return { outcome: 'fetched', ...(await this.fetch(server, section, current)) }
    const verified = await this.verifiedAs(server)
    const latest = current ?? (await directory.fetch(verified)).find((s) => s.key === section.key)
    if (!latest) {
      forgetGoneLibrary(this.deps, server, section.key)
      throw new ServiceError('NOT_FOUND', `Library "${section.title}" no longer exists on the Plex server.`)
    }
    const count = await this.cancels.run(section.title, (cancel) =>
      this.guardNotFound(server, section, () =>
        connection().call((client, signal) =>
          client.count(section.key, { sectionType: latest.type, signal: AbortSignal.any([signal, cancel]) }),
        ),
      ),
    )
    const unchanged =
      latest.updatedAt === meta.sectionUpdatedAt &&
      latest.contentChangedAt === meta.contentChangedAt &&
      count === meta.totalSize
    if (!unchanged) return { outcome: 'fetched', ...(await this.fetch(server, section, latest)) }
    cache.renewLibrary(key, meta)
    const renewed = cache.getLibraryInfo(key)
    // Not counted as requests avoided: those belong to a consumer's read, which counts its own hit.
    // A renewal for keep-warm, the window's Refresh or an inspection spared no tool a request.
    this.deps.counters.add('revalidations', 1)
    this.deps.events.emit({ type: 'changed', library: section.key })
    return {
      outcome: 'revalidated',
      itemCount: info.itemCount,
      expiresAt: renewed?.expiresAt ?? info.expiresAt,
    }
  }

  private async fetchNow(
    server: ServerRecord,
    section: Section,
    needsCurrent: boolean,
  ): Promise<FetchedLibrary> {
    const { cache, connection, directory, events } = this.deps
    const verified = await this.verifiedAs(server)
    const key = libraryCacheKey(server.machineIdentifier, section.key)
    // The change markers stored with the listing must be as of this fetch, or revalidation compares old ones.
    const latest = needsCurrent
      ? (await directory.fetch(verified)).find((s) => s.key === section.key)
      : section
    if (!latest) {
      forgetGoneLibrary(this.deps, server, section.key)
      throw new ServiceError('NOT_FOUND', `Library "${section.title}" no longer exists on the Plex server.`)
    }
    const started = performance.now()
    let total: number | undefined
    try {
      // A cancelled listing rejects here, before anything is stored: no partial listing is ever kept.
      const items = await this.cancels.run(section.title, (cancel) =>
        this.guardNotFound(server, section, () =>
          connection().call((client, signal) =>
            client.items(section.key, {
              sectionType: latest.type,
              pageSize: this.deps.settings().pageSize,
              signal: AbortSignal.any([signal, cancel]),
              onProgress: (progress) => {
                total = progress.total
                this.progress.set(key, progress)
                events.emit({ type: 'progress', library: section.key, ...progress })
              },
            }),
          ),
        ),
      )
      const meta: LibraryMeta = {
        title: latest.title,
        type: latest.type,
        sectionUpdatedAt: latest.updatedAt,
        contentChangedAt: latest.contentChangedAt,
        totalSize: total ?? items.length,
        fetchMs: Math.round(performance.now() - started),
      }
      const outcome = cache.setLibraryItems(key, items, meta)
      this.deps.log.info(
        `Fetched "${latest.title}" (${section.key}) from Plex: ${items.length} items in ${meta.fetchMs} ms` +
          (outcome.stored ? '' : ', not kept: larger than the size limit'),
      )
      this.forgetSearches(key)
      const info = cache.getLibraryInfo(key)
      const now = this.deps.clock()
      events.emit({ type: 'changed', library: section.key })
      return {
        items,
        meta,
        stored: outcome.stored,
        fetchedAt: info?.createdAt ?? now,
        expiresAt: info?.expiresAt ?? now,
      }
    } finally {
      this.progress.delete(key)
    }
  }

  /** Never store one server's listing under another's scope (the URL may now lead to a different server). */
  private async verifiedAs(server: ServerRecord): Promise<ServerRecord> {
    const verified = await this.deps.connection().verifiedServer()
    if (verified.machineIdentifier !== server.machineIdentifier) {
      throw new ServiceError('INTERNAL', 'The Plex server at this address changed while reading; try again.')
    }
    return verified
  }

  /**
   * A 404 for a section's items means it was deleted only if the section list agrees: a library
   * gone from the list goes from the cache too, but one still listed keeps its cached copy (a server
   * answering 404 for a library it lists is wrong, not a deletion to copy).
   */
  private async guardNotFound<T>(server: ServerRecord, section: Section, work: () => Promise<T>): Promise<T> {
    try {
      return await work()
    } catch (error) {
      const failure = toServiceError(error)
      if (failure.code !== 'NOT_FOUND') throw failure
      // Fetching the list also forgets every cached library that is gone from it, this one included.
      const listed = await this.deps.directory.fetch(server).catch((listError: unknown) => {
        throw toServiceError(listError)
      })
      if (!listed.some((candidate) => candidate.key === section.key)) {
        forgetGoneLibrary(this.deps, server, section.key)
        throw failure
      }
      throw new ServiceError(
        'PROTOCOL',
        `The Plex server answered 404 for the items of library "${section.title}" while still listing it; the cached copy was kept.`,
        { cause: error },
      )
    }
  }

  /** Searches answered from the previous listing may no longer match what Plex holds now. */
  private forgetSearches(cacheKey: string): void {
    for (const entry of this.deps.cache.listEntries()) {
      if (entry.namespace === 'search' && entry.library === cacheKey && entry.query !== undefined) {
        this.deps.cache.clearSearch(cacheKey, entry.query)
      }
    }
  }
}
