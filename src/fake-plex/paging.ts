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
  return {
    items,
    containerAttrs: { size: items.length, totalSize: total, offset: start },
    headers: { 'X-Plex-Container-Start': String(start), 'X-Plex-Container-Total-Size': String(total) },
  }
}
