import {
  audienceRatingOf,
  contentRatingOf,
  countryOf,
  durationOf,
  externalGuidsOf,
  genresOf,
  guidOf,
  personOf,
  ratingOf,
  releaseDateOf,
  studioOf,
  titleSortOf,
  viewsOf,
} from './details'
import { element, itemNode, type AttrValue, type Element } from './element'
import type { Library } from './library'
import { mediaElements } from './media'
import type { ItemRecord, SectionRecord } from './records'

export interface ItemRenderOptions {
  /** `includeGuids=1`: adds Guid children with external ids. */
  includeGuids: boolean
  /** Single-item and hub answers name the item's section on the item itself. */
  section?: SectionRecord
  /** Hub search relevance, a string as real servers send it ("0.92000"). */
  score?: string
}

const XML_TAGS: Record<ItemRecord['kind'], string> = {
  movie: 'Video',
  episode: 'Video',
  show: 'Directory',
  season: 'Directory',
  artist: 'Directory',
  album: 'Directory',
  photoalbum: 'Directory',
  track: 'Track',
  photo: 'Photo',
  clip: 'Video',
}

const HAS_CHILDREN = new Set<ItemRecord['kind']>(['show', 'season', 'artist', 'album', 'photoalbum'])

/** Renders one stored record with every attribute Plex would send for its type (plex-api-facts §4). */
export function itemElement(item: ItemRecord, library: Library, options: ItemRenderOptions): Element {
  const parent = library.parentOf(item)
  const grandparent = parent ? library.parentOf(parent) : undefined
  const attrs: Record<string, AttrValue> = {
    ratingKey: String(item.ratingKey),
    key: `/library/metadata/${item.ratingKey}${HAS_CHILDREN.has(item.kind) ? '/children' : ''}`,
    ...lineage('parent', parent),
    ...lineage('grandparent', grandparent),
    guid: guidOf(item),
    type: item.kind === 'photoalbum' ? 'photo' : item.kind,
    title: item.title,
    titleSort: titleSortOf(item.title),
    ...(options.section && {
      librarySectionID: Number(options.section.key),
      librarySectionKey: `/library/sections/${options.section.key}`,
      librarySectionTitle: options.section.title,
    }),
    summary: `${item.title}: a generated ${item.kind} from the fake Plex library.`,
    index: item.index > 0 ? item.index : undefined,
    thumb: `/library/metadata/${item.ratingKey}/thumb/${item.updatedAt}`,
    art: `/library/metadata/${item.ratingKey}/art/${item.updatedAt}`,
    ...kindAttrs(item, parent),
    addedAt: item.addedAt,
    updatedAt: item.updatedAt,
    score: options.score,
  }
  const counts = countAttrs(item, library)
  const children = [
    ...mediaElements(item, library),
    ...tagElements(item),
    ...(options.includeGuids ? externalGuidsOf(item).map((id) => element('Guid', { id })) : []),
  ]
  return itemNode(XML_TAGS[item.kind], { ...attrs, ...counts }, children)
}

function lineage(prefix: 'parent' | 'grandparent', item: ItemRecord | undefined): Record<string, AttrValue> {
  if (!item) return {}
  return {
    [`${prefix}RatingKey`]: String(item.ratingKey),
    [`${prefix}Key`]: `/library/metadata/${item.ratingKey}`,
    [`${prefix}Guid`]: guidOf(item),
    [`${prefix}Title`]: item.title,
    [`${prefix}Thumb`]: `/library/metadata/${item.ratingKey}/thumb/${item.updatedAt}`,
  }
}

function kindAttrs(item: ItemRecord, parent: ItemRecord | undefined): Record<string, AttrValue> {
  const year = item.year > 0 ? item.year : undefined
  switch (item.kind) {
    case 'movie':
      return {
        studio: studioOf(item),
        contentRating: contentRatingOf(item),
        rating: ratingOf(item),
        audienceRating: audienceRatingOf(item),
        year,
        tagline: `Somewhere, ${item.title} is waiting.`,
        duration: durationOf(item),
        originallyAvailableAt: releaseDateOf(item),
        ...viewsOf(item),
      }
    case 'show':
      return {
        year,
        studio: studioOf(item),
        contentRating: contentRatingOf(item),
        rating: ratingOf(item),
        banner: `/library/metadata/${item.ratingKey}/banner/${item.updatedAt}`,
        theme: `/library/metadata/${item.ratingKey}/theme/${item.updatedAt}`,
        originallyAvailableAt: releaseDateOf(item),
      }
    case 'season':
      return { parentYear: parent && parent.year > 0 ? parent.year : undefined }
    case 'episode':
      return {
        parentIndex: parent?.index,
        year,
        contentRating: contentRatingOf(item),
        duration: durationOf(item),
        originallyAvailableAt: releaseDateOf(item),
        ...viewsOf(item),
      }
    case 'album':
      return { year, studio: studioOf(item), originallyAvailableAt: releaseDateOf(item) }
    case 'track':
      // Every generated album is a single disc.
      return { parentIndex: 1, duration: durationOf(item), ...viewsOf(item) }
    case 'photoalbum':
      return { composite: `/library/metadata/${item.ratingKey}/composite/${item.updatedAt}` }
    case 'photo':
      return { year, originallyAvailableAt: releaseDateOf(item) }
    case 'clip':
      return { year, duration: durationOf(item), originallyAvailableAt: releaseDateOf(item) }
    default:
      return {}
  }
}

function countAttrs(item: ItemRecord, library: Library): Record<string, AttrValue> {
  switch (item.kind) {
    case 'show':
    case 'artist': {
      const leafCount = library.leafCount(item)
      return {
        leafCount,
        viewedLeafCount: Math.floor(leafCount / 3),
        childCount: library.childrenOf(item).length,
      }
    }
    case 'season':
    case 'album':
    case 'photoalbum': {
      const leafCount = library.leafCount(item)
      return { leafCount, viewedLeafCount: Math.floor(leafCount / 3) }
    }
    default:
      return {}
  }
}

function tagElements(item: ItemRecord): Element[] {
  const tag = (name: string, value: string): Element => element(name, { tag: value })
  switch (item.kind) {
    case 'movie':
      return [
        ...genresOf(item).map((genre) => tag('Genre', genre)),
        tag('Director', personOf(item, 1)),
        tag('Writer', personOf(item, 2)),
        tag('Country', countryOf(item)),
        tag('Role', personOf(item, 3)),
        tag('Role', personOf(item, 4)),
      ]
    case 'show':
    case 'artist':
    case 'album':
      return genresOf(item).map((genre) => tag('Genre', genre))
    case 'episode':
      return [tag('Director', personOf(item, 1)), tag('Writer', personOf(item, 2))]
    default:
      return []
  }
}
