import { isPlexClientParameter, type ClientRequest } from './client-request'

/** A request the cache can answer exactly; anything else is passed through. */
export type CachedRoute =
  | { kind: 'sections' }
  | {
      kind: 'listing'
      sectionKey: string
      typeNumber: number | undefined
      title: string | undefined
      includeGuids: boolean
    }

/** The only orders the cache keeps: Plex's default, title sort ascending. */
const TITLE_SORTS = new Set(['titleSort', 'titleSort:asc'])

/**
 * Which requests the cache answers. Every parameter must be one whose meaning the cache can honour
 * exactly (other filters, sorts and include… flags for fields it does not keep go to Plex): a wrong
 * answer is worse than a slower one.
 */
export function cachedRouteOf(request: ClientRequest): CachedRoute | undefined {
  if (request.method !== 'GET') return undefined
  if (Number.isNaN(request.containerStart) || Number.isNaN(request.containerSize)) return undefined
  const segments = request.path.split('/').slice(1)
  const [first, second, sectionKey, listing, ...rest] = segments
  if (first !== 'library' || second !== 'sections' || rest.length > 0) return undefined
  if (sectionKey === undefined || (sectionKey === 'all' && listing === undefined)) {
    return onlyClientParameters(request.query) ? { kind: 'sections' } : undefined
  }
  if (listing !== 'all' && listing !== 'search') return undefined
  let typeNumber: number | undefined
  let title: string | undefined
  let includeGuids = false
  for (const [name, value] of request.query) {
    if (isPlexClientParameter(name)) continue
    if (name === 'type' && /^\d{1,3}$/.test(value) && typeNumber === undefined) typeNumber = Number(value)
    else if ((name === 'title' || (listing === 'search' && name === 'query')) && title === undefined)
      title = value
    else if (name === 'sort' && TITLE_SORTS.has(value)) continue
    else if (name === 'includeGuids' && (value === '0' || value === '1')) includeGuids = value === '1'
    else return undefined
  }
  // The legacy search needs something to search for; Plex's answer to an empty one is not ours to guess.
  if (listing === 'search' && (title === undefined || title.trim() === '')) return undefined
  if (title !== undefined && title.trim() === '') title = undefined
  return { kind: 'listing', sectionKey, typeNumber, title, includeGuids }
}

function onlyClientParameters(query: URLSearchParams): boolean {
  for (const name of query.keys()) if (!isPlexClientParameter(name)) return false
  return true
}

/**
 * The item type a listing asks for, when the cache holds exactly those items: a movie section's
 * movies, a show section's episodes, a music section's tracks, a photo section's photos or clips.
 * Shows, seasons, artists, albums and photo albums are not cached: those requests go to Plex.
 */
export function cachedLeafType(sectionType: string, typeNumber: number | undefined): string | undefined {
  switch (sectionType) {
    case 'movie':
      return typeNumber === undefined || typeNumber === 1 ? 'movie' : undefined
    case 'show':
      return typeNumber === 4 ? 'episode' : undefined
    case 'artist':
      return typeNumber === 10 ? 'track' : undefined
    case 'photo':
      return typeNumber === 13 ? 'photo' : typeNumber === 12 ? 'clip' : undefined
    default:
      return undefined
  }
}
