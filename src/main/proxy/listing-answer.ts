import type { CachedItem } from '../cache'
import { sortByTitle } from '../cache/title-order'
import type { CacheService, ItemsResult } from '../service'
import type { AttrValue, Element } from '../../shared/plex-element'
import { element } from '../../shared/plex-element'
import { itemFormat } from './item-format'
import { elementFormat, type ContainerAnswer } from './streamed-container'
import type { SectionDirectory, TokenScope } from './token-access'

/** The most items one service read returns (its page limit). */
const READ_CHUNK = 10_000
const LIST_VIEW_MODE = 65592
const PLURALS: Record<string, string> = {
  movie: 'Movies',
  episode: 'Episodes',
  track: 'Tracks',
  photo: 'Photos',
  clip: 'Videos',
}

export interface ListingAsk {
  section: SectionDirectory
  leafType: string
  title: string | undefined
  includeGuids: boolean
  start: number | undefined
  size: number | undefined
  consumer: string
}

/**
 * A section listing answered through the service (cache-through, with its TTLs, coalescing,
 * stale-if-error and statistics), in Plex's default title order and with Plex's paging. Throws
 * the service's error when nothing cached can answer.
 */
export async function listingAnswer(
  service: CacheService,
  scope: TokenScope,
  ask: ListingAsk,
): Promise<ContainerAnswer<CachedItem>> {
  const by = { consumer: ask.consumer }
  const start = ask.start ?? 0
  const key = ask.section.key
  let total: number
  let children: AsyncIterable<readonly CachedItem[]>
  // A photo section's listing holds photos and clips together, and a title search every type:
  // those are narrowed in hand. A movie, episode or track listing is paged by the cache itself.
  if (!isPagedByCache(ask)) {
    const all =
      ask.title !== undefined
        ? sortByTitle((await service.search({ library: key, title: ask.title }, by)).results)
        : await wholeListing(service, key, by)
    const matching = all.filter((item) => item.type === ask.leafType)
    total = matching.length
    const page = matching.slice(start, ask.size === undefined ? undefined : start + ask.size)
    children = batches([page])
  } else {
    const first = await service.getLibraryItems(
      { library: key, offset: start, limit: clampRead(ask.size ?? READ_CHUNK) },
      by,
    )
    total = first.total
    children = pagedChildren(service, key, first, ask, by)
  }
  return listingContainer(scope, ask, total, children)
}

/** True when listingAnswer pages the cache itself: no title filter, and not a photo section. */
export function isPagedByCache(ask: Pick<ListingAsk, 'title' | 'section'>): boolean {
  return ask.title === undefined && ask.section.type !== 'photo'
}

/** The container around a listing's items, with Plex's paging attributes and headers. */
function listingContainer(
  scope: TokenScope,
  ask: ListingAsk,
  total: number,
  children: AsyncIterable<readonly CachedItem[]>,
): ContainerAnswer<CachedItem> {
  return { ...listingFrame(scope, ask, total), children, format: itemFormat(ask.includeGuids) }
}

/** A listing's container attributes and paging headers, for `total` items in all. */
export function listingFrame(
  scope: TokenScope,
  ask: ListingAsk,
  total: number,
): Pick<ContainerAnswer, 'attrs' | 'headers'> {
  const start = ask.start ?? 0
  const pageSize = Math.max(0, Math.min(ask.size ?? total, total - start))
  const paged = ask.start !== undefined || ask.size !== undefined
  const attrs: Record<string, AttrValue> = {
    size: pageSize,
    ...(paged && { totalSize: total, offset: start }),
    ...sectionAttrs(scope, ask.section),
    title2: `All ${PLURALS[ask.leafType] ?? 'Items'}`,
    viewGroup: ask.leafType,
    viewMode: LIST_VIEW_MODE,
  }
  const headers: Record<string, string> = paged
    ? { 'X-Plex-Container-Start': String(start), 'X-Plex-Container-Total-Size': String(total) }
    : {}
  return { attrs, headers }
}

/** The attributes every Plex container about one section carries, from what the server said of it. */
function sectionAttrs(scope: TokenScope, section: SectionDirectory): Record<string, AttrValue> {
  return {
    allowSync: true,
    art: scalar(section.art),
    identifier: scalar(scope.container.identifier) ?? 'com.plexapp.plugins.library',
    librarySectionID: Number(section.key),
    librarySectionTitle: section.title,
    librarySectionUUID: scalar(section.uuid),
    mediaTagPrefix: scalar(scope.container.mediaTagPrefix),
    mediaTagVersion: scalar(scope.container.mediaTagVersion),
    thumb: scalar(section.thumb),
    nocache: true,
    title1: section.title,
  }
}

/** The section list for one token: the container and each section as the server sent them. */
export function sectionsAnswer(scope: TokenScope): ContainerAnswer {
  const attrs: Record<string, AttrValue> = { size: scope.sections.length }
  for (const [name, value] of Object.entries(scope.container)) {
    const plain = scalar(value)
    if (plain !== undefined) attrs[name] = plain
  }
  const directories = scope.sections.map((section) => fromJson('Directory', section))
  return { attrs, children: batches([directories]), format: elementFormat('Directory') }
}

/** An element back from Plex's JSON: scalars are attributes, arrays of objects are child elements. */
function fromJson(tag: string, object: Record<string, unknown>): Element {
  const attrs: Record<string, AttrValue> = {}
  const children: Element[] = []
  for (const [name, value] of Object.entries(object)) {
    if (Array.isArray(value)) {
      for (const child of value) {
        if (child && typeof child === 'object')
          children.push(fromJson(name, child as Record<string, unknown>))
      }
    } else {
      attrs[name] = scalar(value)
    }
  }
  return element(tag, attrs, children)
}

function scalar(value: unknown): AttrValue {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? value
    : undefined
}

async function wholeListing(
  service: CacheService,
  key: string,
  by: { consumer: string },
): Promise<CachedItem[]> {
  const items: CachedItem[] = []
  for (let offset = 0; ;) {
    // One client request is one read: the chunks after the first are not counted again.
    const read = await service.getLibraryItems(
      { library: key, offset, limit: READ_CHUNK },
      offset === 0 ? by : { ...by, continuation: true },
    )
    items.push(...read.items)
    offset += read.items.length
    if (read.items.length < READ_CHUNK || offset >= read.total) return items
  }
}

/** The rest of a page read chunk by chunk, each rendered as it arrives. */
async function* pagedChildren(
  service: CacheService,
  key: string,
  first: ItemsResult,
  ask: ListingAsk,
  by: { consumer: string },
): AsyncIterable<readonly CachedItem[]> {
  const wanted = ask.size === undefined ? Number.POSITIVE_INFINITY : ask.size
  let read = first
  let offset = ask.start ?? 0
  let served = 0
  for (;;) {
    const items = read.items.slice(0, Math.max(0, wanted - served))
    if (items.length > 0) yield items
    served += items.length
    offset += read.items.length
    if (served >= wanted || read.items.length === 0 || offset >= read.total) return
    read = await service.getLibraryItems(
      { library: key, offset, limit: clampRead(wanted - served) },
      { ...by, continuation: true },
    )
  }
}

async function* batches<T>(list: readonly (readonly T[])[]): AsyncIterable<readonly T[]> {
  for (const batch of list) yield batch
}

/** A service read asks for at least one item (size=0 still learns the total) and at most its limit. */
function clampRead(size: number): number {
  return Math.max(1, Math.min(READ_CHUNK, size))
}
