import type { CacheEntryInfo } from '../cache'
import type { Section } from '../plex'
import { libraryCacheKey } from './cache-keys'
import { ServiceError } from './errors'
import { checkItemsQuery } from './items-page'
import { locateLibrary, type Located } from './library-place'
import { countPageHit, pageResult, readOf } from './read-records'
import type { ServiceContext } from './service-context'
import type { ItemsQuery, ItemsResult } from '../../shared/service-types'

/** A library's listing and the stored copy of it something was read or rendered from. */
export interface PageStamp {
  cacheKey: string
  section: Section
  /** Names one stored copy: a refresh, or another process's write, makes a new one. */
  version: string
  total: number
}

export interface PeekedPage {
  result: ItemsResult
  stamp: PageStamp
}

export type StoredCopyReadsDeps = Pick<
  ServiceContext,
  'cache' | 'clock' | 'connection' | 'counters' | 'directory' | 'settings'
>

/**
 * Reads for a reader that keeps what it rendered from a stored copy (the proxy's rendered
 * listings): which copy is fresh, a page of it read uncounted, and the count of an answer served
 * from what was rendered, exactly as the same read from the file would be counted.
 */
export class StoredCopyReads {
  constructor(private readonly ctx: StoredCopyReadsDeps) {}

  /**
   * The fresh stored copy of a library's listing, for a reader that keeps what it rendered from it
   * (the proxy); null when there is none. `known`, a stamp from before, names the listing without
   * looking the library up again. Never counted, never asks Plex.
   */
  async freshStamp(library: string, known?: PageStamp): Promise<PageStamp | null> {
    const place = known ?? placeOf(await locateLibrary(this.ctx, library))
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
    countPageHit(this.ctx, consumer, entry, checked, served, false)
    this.ctx.counters.markChanged()
    this.ctx.counters.recentRead({
      ...readOf(this.ctx.clock(), consumer, 'library', stamp.section, stamp.section.key, ''),
      outcome: 'hit',
      items: served,
    })
    return true
  }
}

function placeOf({ server, section }: Located): Pick<PageStamp, 'cacheKey' | 'section'> {
  return { cacheKey: libraryCacheKey(server.machineIdentifier, section.key), section }
}

function copyOf(entry: CacheEntryInfo): Pick<PageStamp, 'version' | 'total'> {
  return { version: `${entry.createdAt}/${entry.itemCount}/${entry.bytes}`, total: entry.itemCount }
}
