import { badRequest, notFound } from './http-error'
import { nowInSeconds, renameItem } from './mutations'
import type { Outgoing } from './responses'
import type { RouteContext } from './routes/context'
import { hubSearchRoute } from './routes/hub-search'
import { childrenRoute, metadataRoute } from './routes/metadata-routes'
import { sectionListingRoute, sectionRoute, sectionsRoute } from './routes/section-routes'
import { identityRoute, libraryRoute, rootRoute } from './routes/server-routes'

/** Routes that answer without a token. */
export function isPublicPath(path: string): boolean {
  return path === '/identity'
}

/** Maps a normalised path onto a route; anything else is Plex's plain 404. */
export function routeRequest(context: RouteContext): Outgoing {
  const { method, segments, path } = context.request
  if (method === 'PUT') return writeRoute(context)
  if (method !== 'GET' && method !== 'HEAD') throw notFound(`${method} ${path}`)
  const [first, second, third, fourth, ...rest] = segments
  if (rest.length > 0) throw notFound(path)
  if (first === undefined) return rootRoute(context)
  if (first === 'identity' && second === undefined) return identityRoute(context)
  if (first === 'hubs' && second === 'search' && third === undefined) return hubSearchRoute(context)
  if (first !== 'library') throw notFound(path)
  if (second === undefined) return libraryRoute(context)
  if (second === 'sections') {
    if (third === undefined || (third === 'all' && fourth === undefined)) return sectionsRoute(context)
    if (fourth === undefined) return sectionRoute(context, third)
    if (fourth === 'all') return sectionListingRoute(context, third, 'title')
    if (fourth === 'search') return sectionListingRoute(context, third, 'query')
  }
  if (second === 'metadata' && third !== undefined) {
    if (fourth === undefined) return metadataRoute(context, third)
    if (fourth === 'children') return childrenRoute(context, third)
  }
  throw notFound(path)
}

/**
 * `PUT /library/metadata/{ratingKey}?title.value=…`: the one edit the fake knows, renaming an item
 * the way python-plexapi's `editTitle` does; Plex answers an edit with an empty 200.
 */
function writeRoute(context: RouteContext): Outgoing {
  const { segments, path, query } = context.request
  const [first, second, ratingKey, ...rest] = segments
  if (first !== 'library' || second !== 'metadata' || ratingKey === undefined || rest.length > 0) {
    throw notFound(`PUT ${path}`)
  }
  const title = query['title.value']
  if (title === undefined || title === '') throw badRequest('title.value')
  try {
    renameItem(context.library, ratingKey, title, nowInSeconds())
  } catch {
    throw notFound(`item ${ratingKey}`)
  }
  return { status: 200, contentType: 'text/html', body: '' }
}
