import { element, type Element } from '../element'
import type { SectionRecord } from '../records'
import { hubElement } from './hub-element'
import { MOVIE_GENRES, MUSIC_GENRES, PEOPLE } from '../vocabulary'

/**
 * The tag hubs a real /hubs/search adds beside the item hubs: genres and actors whose names match,
 * each a `Directory` (not an item: no ratingKey, no Media) pointing at a filtered listing. Clients
 * reading hubs must cope with them; the fake lists a tag hub only when something matches, so item
 * hubs keep their places.
 */

interface TagHubDefinition {
  type: string
  title: string
  /** Plex's tag type number: 1 genre, 6 actor. */
  tagType: number
  /** The query parameter the Directory's key filters by. */
  filter: string
  /** The tags of a section of this type; ids are the tag's place in the vocabulary, offset per list. */
  tagsOf: (section: SectionRecord) => ReadonlyArray<{ id: number; tag: string }>
}

const numbered = (tags: readonly string[], firstId: number) =>
  tags.map((tag, index) => ({ id: firstId + index, tag }))
const MOVIE_GENRE_TAGS = numbered(MOVIE_GENRES, 100)
const MUSIC_GENRE_TAGS = numbered(MUSIC_GENRES, 200)
const ACTOR_TAGS = numbered(PEOPLE, 300)

const TAG_HUBS: readonly TagHubDefinition[] = [
  {
    type: 'genre',
    title: 'Genres',
    tagType: 1,
    filter: 'genre',
    tagsOf: (section) =>
      section.type === 'artist' ? MUSIC_GENRE_TAGS : section.type === 'photo' ? [] : MOVIE_GENRE_TAGS,
  },
  {
    type: 'actor',
    title: 'Actors',
    tagType: 6,
    filter: 'actor',
    tagsOf: (section) => (section.type === 'movie' ? ACTOR_TAGS : []),
  },
]

export function tagHubs(
  sections: readonly SectionRecord[],
  needle: string,
  limit: number,
  scoreOf: (text: string) => string,
): Element[] {
  const hubs: Element[] = []
  for (const hub of TAG_HUBS) {
    const hits = sections.flatMap((section) =>
      hub
        .tagsOf(section)
        .filter(({ tag }) => tag.toLowerCase().includes(needle))
        .map(({ id, tag }) => tagDirectory(hub, section, id, tag, scoreOf(tag))),
    )
    if (hits.length === 0) continue
    hubs.push(hubElement(hub, 'list', hits.slice(0, limit), hits.length))
  }
  return hubs
}

function tagDirectory(
  hub: TagHubDefinition,
  section: SectionRecord,
  id: number,
  tag: string,
  score: string,
): Element {
  return element('Directory', {
    id,
    key: `/library/sections/${section.key}/all?${hub.filter}=${id}`,
    librarySectionID: Number(section.key),
    librarySectionKey: `/library/sections/${section.key}`,
    librarySectionTitle: section.title,
    reason: 'section',
    reasonID: Number(section.key),
    reasonTitle: section.title,
    score,
    type: 'tag',
    tag,
    tagType: hub.tagType,
  })
}
