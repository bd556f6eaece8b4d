import { performance } from 'node:perf_hooks'
import { normaliseSearchKey, type CachedItem, type EntryRead, type LibraryPage } from '../cache'
import { leafTypesFor, type Section } from '../plex'
import { libraryCacheKey } from './cache-keys'
import { allowsStaleServing, ServiceError, toServiceError } from './errors'
import { checkItemsQuery, pageOfItems, titleContains, type CheckedQuery } from './items-page'
import { forgetGoneLibrary } from './gone-library'
import { locateLibrary, type Located } from './library-place'
import type { ServerRecord } from './plex-connection'
import { countPageHit, outcomeOf, pageResult, readOf } from './read-records'
import { inRevalidationWindow, revalidateInBackground } from './revalidation'
import type { ServiceContext } from './service-context'
import type { ItemsQuery, ItemsResult, SearchResult } from '../../shared/service-types'

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
      located = await locateLibrary(this.ctx, library)
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

  private async answerItems(
    { server, section, fromPlex }: Located,
    key: string,
    checked: CheckedQuery,
    read: EntryRead<LibraryPage> | null,
    consumer: string,
    continuation: boolean,
  ): Promise<ItemsResult> {
    if (read && !read.stale) {
      countPageHit(this.ctx, consumer, read.entry, checked, read.value.items.length, continuation)
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
    const { server, section } = await locateLibrary(this.ctx, library)
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
