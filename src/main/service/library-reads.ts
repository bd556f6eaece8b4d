import { performance } from 'node:perf_hooks'
import {
  normaliseSearchKey,
  type CacheEntryInfo,
  type CachedItem,
  type EntryRead,
  type LibraryPage,
} from '../cache'
import { leafTypesFor, type Section } from '../plex'
import { libraryCacheKey } from './cache-keys'
import { savedByPageRead } from './counters'
import { allowsStaleServing, ServiceError, toServiceError } from './errors'
import { checkItemsQuery, pageOfItems, titleContains, type CheckedQuery } from './items-page'
import { forgetGoneLibrary } from './gone-library'
import type { ServerRecord } from './plex-connection'
import { inRevalidationWindow, revalidateInBackground } from './revalidation'
import type { ServiceContext } from './service-context'
import type { ItemsQuery, ItemsResult, SearchResult } from '../../shared/service-types'
import type { RecentRead, RecentReadOutcome } from '../../shared/recent-reads'

/** What the cache-through reads read, count, revalidate and forget with. */
export type LibraryReadsDeps = Pick<
  ServiceContext,
  'cache' | 'clock' | 'connection' | 'counters' | 'directory' | 'events' | 'inFlight' | 'loader' | 'settings'
>

/** The cache-through reads: library pages, title searches and file lookups. */
export class LibraryReads {
  constructor(private readonly ctx: LibraryReadsDeps) {}

  /** A page of a library for `consumer` (see read-consumers.ts), who is counted a hit or a miss. */
  async items(
    library: string,
    query: ItemsQuery,
    consumer: string,
    continuation = false,
  ): Promise<ItemsResult> {
    const checked = checkItemsQuery(query)
    let located: Located | undefined
    let result: ItemsResult | undefined
    let hit = false
    try {
      located = await this.locate(library)
      const key = libraryCacheKey(located.server.machineIdentifier, located.section.key)
      // One read that may return an expired copy: kept in hand in case Plex cannot be reached.
      const read = this.ctx.cache.readLibraryPage(key, checked, {
        allowStale: true,
        consumer: continuation ? false : consumer,
      })
      this.ctx.counters.markChanged()
      hit = read !== null && !read.stale
      result = await this.answerItems(located, key, checked, read, consumer, continuation)
      return result
    } finally {
      if (!continuation)
        this.ctx.counters.recentRead({
          ...readOf(this.ctx.clock(), consumer, 'library', located?.section, library, checked.filter),
          outcome: outcomeOf(result, hit),
          items: result ? result.items.length : null,
        })
    }
  }

  /**
   * The fresh stored copy of a library's listing, for a reader that keeps what it rendered from it
   * (the proxy); null when there is none. `known`, a stamp from before, names the listing without
   * looking the library up again. Never counted, never asks Plex.
   */
  async freshStamp(library: string, known?: PageStamp): Promise<PageStamp | null> {
    const place = known ?? placeOf(await this.locate(library))
    const entry = this.ctx.cache.getLibraryInfo(place.cacheKey)
    if (!entry || entry.expired) return null
    return { cacheKey: place.cacheKey, section: place.section, ...copyOf(entry) }
  }

  /**
   * A page of the fresh stored copy `stamp` names, uncounted and never from Plex; null when there
   * is no fresh copy. Its stamp tells whether it is still the same copy.
   */
  peek(query: ItemsQuery, stamp: PageStamp): PeekedPage | null {
    const checked = checkItemsQuery(query)
    const read = this.ctx.cache.readLibraryPage(stamp.cacheKey, checked, { consumer: false })
    if (!read || read.stale) return null
    return {
      result: pageResult('cache', read.value, read.entry.createdAt, read.entry.expiresAt),
      stamp: { ...stamp, ...copyOf(read.entry) },
    }
  }

  /**
   * A read served from what was rendered from the copy `stamp` names: counted exactly as items()
   * counts a fresh hit of the same offset and limit, provided that copy is still the fresh one.
   * False (nothing counted) when it is not.
   */
  countReused(stamp: PageStamp, query: { offset: number; limit: number }, consumer: string): boolean {
    const { offset, limit } = query
    if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(limit) || offset < 0 || limit < 0) {
      throw new ServiceError('INVALID_ARGUMENT', 'offset and limit must be whole numbers of 0 or more')
    }
    const entry = this.ctx.cache.getLibraryInfo(stamp.cacheKey)
    if (!entry || entry.expired || copyOf(entry).version !== stamp.version) return false
    const served = Math.max(0, Math.min(limit, entry.itemCount - offset))
    const checked = { offset, limit, filter: '' }
    this.ctx.counters.countRead('library', stamp.cacheKey, 'hit', consumer)
    this.countPageHit(consumer, entry, checked, served, false)
    this.ctx.counters.markChanged()
    this.ctx.counters.recentRead({
      ...readOf(this.ctx.clock(), consumer, 'library', stamp.section, stamp.section.key, ''),
      outcome: 'hit',
      items: served,
    })
    return true
  }

  private async answerItems(
    { server, section, fromPlex }: Located,
    key: string,
    checked: CheckedQuery,
    read: EntryRead<LibraryPage> | null,
    consumer: string,
    continuation: boolean,
  ): Promise<ItemsResult> {
    if (read && !read.stale) {
      this.countPageHit(consumer, read.entry, checked, read.value.items.length, continuation)
      return pageResult('cache', read.value, read.entry.createdAt, read.entry.expiresAt)
    }
    if (read && inRevalidationWindow(this.ctx, read.entry.expiresAt)) {
      revalidateInBackground(this.ctx, server, section)
      return pageResult('stale', read.value, read.entry.createdAt, read.entry.expiresAt)
    }
    try {
      const loaded = await this.ctx.loader.refresh(server, section, false, fromPlex ? section : undefined)
      if (loaded.outcome === 'fetched') {
        return pageResult('plex', pageOfItems(loaded.items, checked), loaded.fetchedAt, loaded.expiresAt)
      }
      // Plex confirmed the cached copy is current: it is served as it is.
      return read
        ? pageResult('cache', read.value, read.entry.createdAt, loaded.expiresAt)
        : this.rereadAfterRenewal(key, checked)
    } catch (error) {
      const failure = toServiceError(error, this.ctx.connection().secrets)
      if (read && allowsStaleServing(failure)) {
        return {
          ...pageResult('stale', read.value, read.entry.createdAt, read.entry.expiresAt),
          error: failure.info,
        }
      }
      throw failure
    }
  }

  /**
   * A title search for `consumer`: one hit when answered without Plex (a cached search, or Plex's
   * rule over a fresh cached listing), otherwise one miss.
   */
  async search(library: string, title: string, consumer: string): Promise<SearchResult> {
    if (typeof title !== 'string' || title.trim() === '') {
      throw new ServiceError('INVALID_ARGUMENT', 'Give a title (or part of one) to search for.')
    }
    const { server, section } = await this.locate(library)
    const key = libraryCacheKey(server.machineIdentifier, section.key)
    // Counted below, once it is known whether Plex had to answer.
    const read = this.ctx.cache.readSearch(key, title, { allowStale: true, consumer: false })
    this.ctx.counters.markChanged()
    let result: SearchResult | undefined
    try {
      result = await this.answerSearch(server, section, title, read)
      return result
    } finally {
      this.countSearch(consumer, key, read, result)
      this.ctx.counters.recentRead({
        ...readOf(this.ctx.clock(), consumer, 'search', section, library, title.trim()),
        outcome: outcomeOf(result, result?.source === 'cache'),
        items: result ? result.results.length : null,
      })
    }
  }

  private async answerSearch(
    server: ServerRecord,
    section: Section,
    title: string,
    read: EntryRead<CachedItem[]> | null,
  ): Promise<SearchResult> {
    const key = libraryCacheKey(server.machineIdentifier, section.key)
    if (read && !read.stale) {
      return { source: 'cache', results: read.value, fetchedAt: read.entry.createdAt }
    }
    const searchKey = `search:${key}:${normaliseSearchKey(title)}`
    if (read && inRevalidationWindow(this.ctx, read.entry.expiresAt)) {
      // Asked again in the background, joined with any identical search under way; failures are dropped.
      this.ctx.inFlight.run(searchKey, () => this.searchMiss(server, section, title)).catch(() => undefined)
      return { source: 'stale', results: read.value, fetchedAt: read.entry.createdAt }
    }
    try {
      return await this.ctx.inFlight.run(searchKey, () => this.searchMiss(server, section, title))
    } catch (error) {
      const failure = toServiceError(error, this.ctx.connection().secrets)
      if (!allowsStaleServing(failure)) throw failure
      if (read)
        return { source: 'stale', results: read.value, fetchedAt: read.entry.createdAt, error: failure.info }
      // Never searched before: the kept listing answers by Plex's own rule, as searchMiss does when fresh.
      const listing = this.ctx.cache.readLibrary(key, { allowStale: true, consumer: false })
      if (!listing) throw failure
      const results = listing.value.filter((item) => titleContains(item, title))
      return { source: 'stale', results, fetchedAt: listing.entry.createdAt, error: failure.info }
    }
  }

  /**
   * The server and section a LIBRARY argument names. Before anything is fetched, /identity is asked
   * (once per connection), so a URL that now leads to another server reads and writes that server's scope.
   * With stale-while-revalidate on, the cached section list answers without asking Plex, so a copy
   * in the window is served at once; whatever then asks Plex (the loader, a search) verifies first.
   */
  private async locate(library: string): Promise<Located> {
    const connection = this.ctx.connection()
    const known = connection.knownServer()
    if (known && (this.ctx.settings().staleWhileRevalidateSeconds ?? 0) > 0) {
      const section = this.ctx.directory.cachedSection(known, library)
      if (section) return { server: known, section, fromPlex: false }
    }
    let server = await connection.server()
    if (connection.configured && !this.ctx.directory.hasFresh(server))
      server = await connection.verifiedServer()
    return { server, ...(await this.ctx.directory.resolve(server, library)) }
  }

  private async searchMiss(server: ServerRecord, section: Section, title: string): Promise<SearchResult> {
    const { cache, events } = this.ctx
    const key = libraryCacheKey(server.machineIdentifier, section.key)
    const info = cache.getLibraryInfo(key)
    // Part of the search's own read, which search() counts.
    const library = info && !info.expired ? cache.readLibrary(key, { consumer: false }) : null
    if (library) {
      // Plex's own rule over a fresh copy of the whole library gives Plex's answer without asking it.
      const results = library.value.filter((item) => titleContains(item, title))
      cache.setSearchResults(key, title, results, { title: section.title, type: section.type })
      events.emit({ type: 'changed', library: section.key })
      return { source: 'cache', results, fetchedAt: library.entry.createdAt }
    }
    const connection = this.ctx.connection()
    const verified = await connection.verifiedServer()
    if (verified.machineIdentifier !== server.machineIdentifier) {
      throw new ServiceError(
        'INTERNAL',
        'The Plex server at this address changed while searching; try again.',
      )
    }
    const started = performance.now()
    let results: CachedItem[]
    try {
      // Every type the cached listing holds (a photo library's photos and clips), so Plex's answer
      // agrees with the one a fresh cached library gives.
      results = await connection.call(async (client, signal) => {
        const found: CachedItem[] = []
        for (const type of leafTypesFor(section.type)) {
          const pageSize = this.ctx.settings().pageSize
          found.push(...(await client.search(section.key, title, { type, pageSize, signal })))
        }
        return found
      })
    } catch (error) {
      const failure = toServiceError(error, connection.secrets)
      if (failure.code === 'NOT_FOUND') forgetGoneLibrary(this.ctx, server, section.key)
      throw failure
    }
    const fetchMs = Math.round(performance.now() - started)
    cache.setSearchResults(key, title, results, { title: section.title, type: section.type, fetchMs })
    events.emit({ type: 'changed', library: section.key })
    return { source: 'plex', results, fetchedAt: this.ctx.clock() }
  }

  private rereadAfterRenewal(key: string, query: CheckedQuery): ItemsResult {
    // The read that led here was already counted, as a miss.
    const read: EntryRead<LibraryPage> | null = this.ctx.cache.readLibraryPage(key, query, {
      consumer: false,
    })
    if (!read) throw new ServiceError('INTERNAL', 'The library was renewed but could not be read back.')
    return pageResult('cache', read.value, read.entry.createdAt, read.entry.expiresAt)
  }

  private countPageHit(
    consumer: string,
    entry: CacheEntryInfo,
    query: CheckedQuery,
    itemsServed: number,
    continuation: boolean,
  ): void {
    const filtered = normaliseSearchKey(query.filter) !== ''
    const read = { libraryItems: entry.itemCount, offset: query.offset, limit: query.limit, filtered }
    const saved = savedByPageRead(read, this.ctx.settings().pageSize, entry.meta?.fetchMs)
    this.ctx.counters.servedFromCache(consumer, {
      ...saved,
      // The first chunk already counted the request that finds the section.
      requestsAvoided: continuation ? saved.requestsAvoided - 1 : saved.requestsAvoided,
      // Proportional to the entry's stored size: exact enough, and costs no serialisation on the hot path.
      bytes: Math.round((entry.bytes * itemsServed) / Math.max(1, entry.itemCount)),
    })
  }

  /**
   * A search saved its consumer the one search request. The time saved is the measured time of
   * the Plex search that filled the cached entry; a search answered from a cached listing was never
   * asked of Plex, so no time of it was measured and none is counted.
   */
  private countSearch(
    consumer: string,
    key: string,
    read: EntryRead<CachedItem[]> | null,
    result: SearchResult | undefined,
  ): void {
    const hit = result?.source === 'cache'
    this.ctx.counters.countRead('search', key, hit ? 'hit' : 'miss', consumer)
    if (!hit) return
    const fromEntry = read !== null && !read.stale
    this.ctx.counters.servedFromCache(consumer, {
      requestsAvoided: 1,
      bytes: fromEntry ? read.entry.bytes : Buffer.byteLength(JSON.stringify(result.results)),
      timeSavedMs: fromEntry ? (read.entry.meta?.fetchMs ?? 0) : 0,
    })
  }
}

export interface PeekedPage {
  result: ItemsResult
  stamp: PageStamp
}

/** A library's listing and the stored copy of it something was read or rendered from. */
export interface PageStamp {
  cacheKey: string
  section: Section
  /** Names one stored copy: a refresh, or another process's write, makes a new one. */
  version: string
  total: number
}

function placeOf({ server, section }: Located): Pick<PageStamp, 'cacheKey' | 'section'> {
  return { cacheKey: libraryCacheKey(server.machineIdentifier, section.key), section }
}

function copyOf(entry: CacheEntryInfo): Pick<PageStamp, 'version' | 'total'> {
  return { version: `${entry.createdAt}/${entry.itemCount}/${entry.bytes}`, total: entry.itemCount }
}

interface Located {
  server: ServerRecord
  section: Section
  fromPlex: boolean
}

/** Who read what, for the recent reads; a library not found is named as the reader named it. */
function readOf(
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
function outcomeOf(
  result: { source: 'cache' | 'plex' | 'stale' } | undefined,
  hit: boolean,
): RecentReadOutcome {
  if (result === undefined) return 'failed'
  if (result.source === 'stale') return 'stale'
  return hit ? 'hit' : 'miss'
}

function pageResult(
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
