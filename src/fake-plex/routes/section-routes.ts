import { element } from '../element'
import { badRequest, notFound } from '../http-error'
import { itemElement } from '../item-element'
import type { Selection } from '../library'
import { endlessPage, misstatedTotals, unusable } from '../listing-faults'
import { readPageRequest, repeatingPage, takePage } from '../paging'
import { SECTION_KINDS, TYPE_NUMBER, type ItemKind, type SectionRecord } from '../records'
import { readCount } from '../request'
import { containerResponse, type Outgoing } from '../responses'
import { parseSort } from '../sorting'
import { LIBRARY_IDENTIFIER, MEDIA_TAG_PREFIX, MEDIA_TAG_VERSION, sectionContainerAttrs } from './context'
import type { Route, RouteContext } from './context'

/** `GET /library/sections` and `/library/sections/all`. */
export const sectionsRoute: Route = ({ library, request, visibleSections }) => {
  const visible = library.sections.filter((section) => !visibleSections || visibleSections.has(section.key))
  const directories = visible.map((section) =>
    element(
      'Directory',
      {
        allowSync: true,
        art: `/:/resources/${section.type}-fanart.jpg`,
        composite: `/library/sections/${section.key}/composite/${section.updatedAt}`,
        filters: true,
        refreshing: false,
        thumb: `/:/resources/${section.type}.png`,
        key: section.key,
        type: section.type,
        title: section.title,
        agent: section.agent,
        scanner: section.scanner,
        language: section.language,
        uuid: section.uuid,
        updatedAt: section.updatedAt,
        createdAt: section.createdAt,
        scannedAt: section.scannedAt,
        content: true,
        directory: true,
        contentChangedAt: section.contentChangedAt,
        // A real quirk: `hidden` stays 0/1 in JSON while the other flags become booleans.
        hidden: 0,
      },
      [element('Location', { id: Number(section.key), path: section.locationPath })],
    ),
  )
  const attrs = {
    size: directories.length,
    allowSync: false,
    identifier: LIBRARY_IDENTIFIER,
    mediaTagPrefix: MEDIA_TAG_PREFIX,
    mediaTagVersion: MEDIA_TAG_VERSION,
    title1: 'Plex Library',
  }
  return containerResponse(element('MediaContainer', attrs, directories), request.wantsJson)
}

const PLURAL_TITLES: Record<ItemKind, string> = {
  movie: 'Movies',
  show: 'Shows',
  season: 'Seasons',
  episode: 'Episodes',
  artist: 'Artists',
  album: 'Albums',
  track: 'Tracks',
  photoalbum: 'Photos',
  photo: 'Photos',
  clip: 'Videos',
}

const KIND_BY_TYPE_NUMBER = new Map(Object.entries(TYPE_NUMBER).map(([kind, n]) => [n, kind as ItemKind]))

export const LIST_VIEW_MODE = 65592

export function requireSection(context: RouteContext, key: string): SectionRecord {
  const section = context.library.section(key)
  if (!section) throw notFound(`section ${key}`)
  return section
}

/** `GET /library/sections/{key}`: the section's browse directories. */
export function sectionRoute(context: RouteContext, key: string): Outgoing {
  const section = requireSection(context, key)
  const mainKind = SECTION_KINDS[section.type][0] ?? 'movie'
  const all = element('Directory', { key: 'all', title: `All ${PLURAL_TITLES[mainKind]}` })
  const attrs = { size: 1, ...sectionContainerAttrs(section), title1: section.title, viewGroup: 'secondary' }
  return containerResponse(element('MediaContainer', attrs, [all]), context.request.wantsJson)
}

/**
 * `GET /library/sections/{key}/all` (and the legacy `/search`, whose `query` means `title`):
 * type selection, case-insensitive title substring, sort, limit and paging (plex-api-facts §4).
 */
export function sectionListingRoute(
  context: RouteContext,
  key: string,
  titleParam: 'title' | 'query',
): Outgoing {
  const { library, request } = context
  const section = requireSection(context, key)
  const typeNumber = readCount(request.query.type, 'type')
  const requestedKind = typeNumber === undefined ? undefined : KIND_BY_TYPE_NUMBER.get(typeNumber)
  const paging = readPageRequest(request)
  const sort = parseSort(request.query.sort)
  const selection: Selection | undefined =
    typeNumber === undefined ? { kind: 'default' } : requestedKind ? { kind: requestedKind } : undefined
  const title = request.query[titleParam]
  const matching = selection ? (library.listing(section, selection, sort, title) ?? []) : []
  const faults = context.listingFaults
  if (faults?.pageSizeCap != null && (paging.size ?? 0) > faults.pageSizeCap) {
    throw badRequest(`X-Plex-Container-Size above ${faults.pageSizeCap}`)
  }
  const honest = faults?.endlessPaging
    ? endlessPage(matching, paging, context.maxPageSize)
    : context.repeatingPages
      ? repeatingPage(matching, paging, context.maxPageSize)
      : takePage(matching, paging, context.maxPageSize)
  const page = faults ? misstatedTotals(honest, faults, paging.start ?? 0) : honest
  const kind = requestedKind ?? SECTION_KINDS[section.type][0] ?? 'movie'
  const attrs = {
    ...page.containerAttrs,
    ...sectionContainerAttrs(section),
    title1: section.title,
    title2: `All ${PLURAL_TITLES[kind]}`,
    viewGroup: kind === 'photoalbum' ? 'photo' : kind,
    viewMode: LIST_VIEW_MODE,
  }
  const includeGuids = request.query.includeGuids === '1'
  const rendered = page.items.map((item) => itemElement(item, library, { includeGuids }))
  const items = faults?.unusableItems ? unusable(rendered) : rendered
  return containerResponse(element('MediaContainer', attrs, items), request.wantsJson, page.headers)
}
