import { element, type AttrValue } from '../element'
import { notFound } from '../http-error'
import { itemElement } from '../item-element'
import { readPageRequest, takePage } from '../paging'
import type { ItemKind, ItemRecord } from '../records'
import { containerResponse, type Outgoing } from '../responses'
import type { RouteContext } from './context'
import { sectionContainerAttrs } from './context'
import { LIST_VIEW_MODE } from './section-routes'

function requireItem(context: RouteContext, ratingKey: string): ItemRecord {
  const item = /^\d{1,15}$/.test(ratingKey) ? context.library.item(Number(ratingKey)) : undefined
  if (!item) throw notFound(`item ${ratingKey}`)
  return item
}

/** `GET /library/metadata/{ratingKey}`: one item with every attribute and its Media/Part children. */
export function metadataRoute(context: RouteContext, ratingKey: string): Outgoing {
  const { library, request } = context
  const item = requireItem(context, ratingKey)
  const section = library.section(item.sectionKey)
  if (!section) throw notFound(`section of item ${ratingKey}`)
  const rendered = itemElement(item, library, { includeGuids: request.query.includeGuids === '1', section })
  const attrs = { size: 1, ...sectionContainerAttrs(section) }
  return containerResponse(element('MediaContainer', attrs, [rendered]), request.wantsJson)
}

const CHILD_KIND: Partial<Record<ItemKind, ItemKind>> = {
  show: 'season',
  season: 'episode',
  artist: 'album',
  album: 'track',
  photoalbum: 'photo',
}

/** `GET /library/metadata/{ratingKey}/children`: seasons, episodes, albums, tracks or photos, paged like /all. */
export function childrenRoute(context: RouteContext, ratingKey: string): Outgoing {
  const { library, request } = context
  const parent = requireItem(context, ratingKey)
  const section = library.section(parent.sectionKey)
  if (!section) throw notFound(`section of item ${ratingKey}`)
  const page = takePage(library.childrenOf(parent), readPageRequest(request), context.maxPageSize)
  const childKind = CHILD_KIND[parent.kind]
  const attrs: Record<string, AttrValue> = {
    ...page.containerAttrs,
    ...sectionContainerAttrs(section),
    key: String(parent.ratingKey),
    parentIndex: parent.index > 0 ? parent.index : undefined,
    parentTitle: parent.title,
    parentYear: parent.year > 0 ? parent.year : undefined,
    title1: section.title,
    title2: parent.title,
    viewGroup: childKind === 'photo' ? 'photo' : childKind,
    viewMode: LIST_VIEW_MODE,
    ...grandparentAttrs(context, parent),
  }
  const includeGuids = request.query.includeGuids === '1'
  const items = page.items.map((child) => itemElement(child, library, { includeGuids }))
  return containerResponse(element('MediaContainer', attrs, items), request.wantsJson, page.headers)
}

/** A season's or album's listing names the show or artist; a real quirk makes that ratingKey a number. */
function grandparentAttrs(context: RouteContext, parent: ItemRecord): Record<string, AttrValue> {
  const grandparent = context.library.parentOf(parent)
  if (!grandparent) return {}
  return {
    grandparentRatingKey: grandparent.ratingKey,
    grandparentTitle: grandparent.title,
    grandparentThumb: `/library/metadata/${grandparent.ratingKey}/thumb/${grandparent.updatedAt}`,
  }
}
