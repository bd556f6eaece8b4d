import type { CachedItem } from '../cache'
import { element, itemNode, type AttrValue, type Element } from '../../shared/plex-element'

const XML_TAGS: Record<string, string> = {
  movie: 'Video',
  episode: 'Video',
  clip: 'Video',
  track: 'Track',
  photo: 'Photo',
}

/** Plex's metadata type numbers for the leaf types the cache keeps. */
const EXTERNAL_ID_SCHEMES = ['imdb', 'tmdb', 'tvdb'] as const

/**
 * A cached item as Plex lists it, with only the fields the cache keeps: python-plexapi treats
 * listing items as partial and reloads a missing attribute from /library/metadata/{ratingKey},
 * which the proxy passes through. Each file becomes a Media with one Part carrying `file` and `size`.
 */
export function cachedItemElement(item: CachedItem, includeGuids: boolean): Element {
  const attrs: Record<string, AttrValue> = {
    ratingKey: item.ratingKey,
    key: item.key,
    parentTitle: item.parentTitle,
    grandparentTitle: item.grandparentTitle,
    guid: item.guid,
    type: item.type,
    title: item.title,
    // The cache keeps titleSort only when it differs from the title, which is what Plex sends otherwise.
    titleSort: item.titleSort ?? item.title,
    index: item.index,
    parentIndex: item.parentIndex,
    year: item.year,
    addedAt: item.addedAt,
    updatedAt: item.updatedAt,
  }
  const children = item.files.map((file) =>
    element('Media', file.optimized ? { proxyType: 42 } : {}, [
      element('Part', { file: file.path, size: file.size }),
    ]),
  )
  if (includeGuids && item.externalIds) {
    for (const scheme of EXTERNAL_ID_SCHEMES) {
      const id = item.externalIds[scheme]
      if (id !== undefined) children.push(element('Guid', { id: `${scheme}://${id}` }))
    }
  }
  return itemNode(XML_TAGS[item.type] ?? 'Video', attrs, children)
}
