import type { AttrValue } from './element'
import type { PlexRequest } from './request'
import { readCount } from './request'

/** The window a listing asks for: X-Plex-Container-Start/Size (header or query) and `limit`. */
export interface PageRequest {
  start: number | undefined
  size: number | undefined
  limit: number | undefined
}

export function readPageRequest(request: PlexRequest): PageRequest {
  return {
    start: readCount(request.plexParams['X-Plex-Container-Start'], 'X-Plex-Container-Start'),
    size: readCount(request.plexParams['X-Plex-Container-Size'], 'X-Plex-Container-Size'),
    limit: readCount(request.query.limit, 'limit'),
  }
}

export interface Page<T> {
  items: T[]
  /** Attributes that open the container: size, and totalSize/offset when paged. */
  containerAttrs: Record<string, AttrValue>
  headers: Record<string, string>
}

/**
 * `limit` caps the result before paging; then the page is items[start : start+size], cut to the
 * forced maximum page size if one is set. Unpaged answers leave totalSize/offset out, as some
 * real responses do, so clients must not depend on them.
 */
export function takePage<T>(all: readonly T[], request: PageRequest, maxPageSize: number | null): Page<T> {
  const total = request.limit === undefined ? all.length : Math.min(request.limit, all.length)
  const paged = request.start !== undefined || request.size !== undefined || maxPageSize !== null
  const start = request.start ?? 0
  let size = request.size ?? total
  if (maxPageSize !== null) size = Math.min(size, maxPageSize)
  const items = start >= total ? [] : all.slice(start, Math.min(start + size, total))
  if (!paged) return { items, containerAttrs: { size: items.length }, headers: {} }
  return pageAt(items, start, total)
}

/**
 * A paged answer: its items, the start asked for and the total the listing claims, in the
 * container's attributes and in the headers alike (the faults below claim totals they never hold).
 */
export function pageAt<T>(items: T[], start: number, totalSize: number): Page<T> {
  return {
    items,
    containerAttrs: { size: items.length, totalSize, offset: start },
    headers: { 'X-Plex-Container-Start': String(start), 'X-Plex-Container-Total-Size': String(totalSize) },
  }
}

/** What a repeating listing claims to hold: far more than it ever delivers. */
export const REPEATING_TOTAL_SIZE = 1_000_000

/**
 * Fault injection: a server stuck on its first page. Each page holds the first page's items,
 * rotated by the page number (so the pages do not look identical), and claims the start asked for
 * and a total of a million, so a client that trusts the offsets would keep asking for ever.
 */
export function repeatingPage<T>(
  all: readonly T[],
  request: PageRequest,
  maxPageSize: number | null,
): Page<T> {
  const first = takePage(all, { ...request, start: 0 }, maxPageSize).items
  const start = request.start ?? 0
  const shift = first.length === 0 ? 0 : Math.floor(start / first.length) % first.length
  const items = [...first.slice(shift), ...first.slice(0, shift)]
  return pageAt(items, start, REPEATING_TOTAL_SIZE)
}
