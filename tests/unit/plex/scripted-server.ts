import type { FetchFunction } from '../../../src/main/plex'

/**
 * Stands in for the network in the pure paging and request tests: answers the client's listing
 * requests from an in-memory array, with switches for the ways servers deviate from the happy path.
 */
export interface ScriptedListing {
  items: Array<Record<string, unknown>>
  /** Force pages no larger than this, as a real server may. */
  maxPageSize?: number
  /** Force a page length that depends on the offset, so a client cannot predict the next offset. */
  pageLengthAt?: (start: number) => number
  /** How the total is announced. */
  total?: 'body' | 'header' | 'none'
  /** Ignore the start offset: always serve the first page. */
  ignoreStart?: boolean
  /** Announce a total larger than the items held. */
  announcedTotal?: number
  sectionType?: string
}

export interface ScriptedCall {
  path: string
  query: URLSearchParams
  headers: Headers
}

export function scriptedFetch(listing: ScriptedListing): { fetch: FetchFunction; calls: ScriptedCall[] } {
  const calls: ScriptedCall[] = []
  const fetch: FetchFunction = async (url, init) => {
    const parsed = new URL(url)
    calls.push({ path: parsed.pathname, query: parsed.searchParams, headers: new Headers(init.headers) })
    if (parsed.pathname === '/library/sections') {
      return json({
        MediaContainer: { Directory: [{ key: '1', type: listing.sectionType ?? 'movie', title: 'Movies' }] },
      })
    }
    const start = listing.ignoreStart ? 0 : Number(parsed.searchParams.get('X-Plex-Container-Start') ?? 0)
    const asked = Number(parsed.searchParams.get('X-Plex-Container-Size') ?? listing.items.length)
    const size = Math.min(asked, listing.maxPageSize ?? asked, listing.pageLengthAt?.(start) ?? asked)
    const page = listing.items.slice(start, start + size)
    const total = listing.announcedTotal ?? listing.items.length
    const container: Record<string, unknown> = { size: page.length, offset: start }
    if ((listing.total ?? 'body') === 'body') container.totalSize = total
    if (page.length > 0) container.Metadata = page
    const headers: Record<string, string> =
      listing.total === 'header' ? { 'X-Plex-Container-Total-Size': String(total) } : {}
    return json({ MediaContainer: container }, headers)
  }
  return { fetch, calls }
}

export function json(body: unknown, headers: Record<string, string> = {}, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  })
}

export function movies(count: number, from = 1): Array<Record<string, unknown>> {
  return Array.from({ length: count }, (_, i) => ({
    ratingKey: String(from + i),
    key: `/library/metadata/${from + i}`,
    type: 'movie',
    title: `Movie ${from + i}`,
    Media: [{ Part: [{ file: `/data/Movies/Movie ${from + i}.mkv`, size: 1000 + i }] }],
  }))
}
