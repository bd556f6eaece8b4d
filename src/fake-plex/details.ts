import { hash32, scaled, elementAt } from './random'
import type { ItemRecord } from './records'
import { CONTENT_RATINGS, COUNTRIES, MOVIE_GENRES, MUSIC_GENRES, PEOPLE, STUDIOS, LABELS } from './vocabulary'

/** Details derived from an item's random bits: stable per item, never stored. */

const SALT = {
  duration: 1,
  rating: 2,
  audience: 3,
  genre: 4,
  studio: 5,
  contentRating: 6,
  person: 7,
  country: 8,
  date: 9,
  views: 10,
  guid: 11,
  external: 12,
} as const

function derive(item: ItemRecord, salt: number): number {
  return hash32(item.variant, salt)
}

/** Plex sorts by titleSort, which drops a leading article. */
export function titleSortOf(title: string): string {
  const match = /^(the|a|an)\s+(.+)$/i.exec(title)
  return match?.[2] ?? title
}

const GUID_TYPES: Record<ItemRecord['kind'], string> = {
  movie: 'movie',
  show: 'show',
  season: 'season',
  episode: 'episode',
  artist: 'artist',
  album: 'album',
  track: 'track',
  photoalbum: 'photo',
  photo: 'photo',
  clip: 'clip',
}

export function guidOf(item: ItemRecord): string {
  if (item.kind === 'photo' || item.kind === 'photoalbum' || item.kind === 'clip')
    return `local://${item.ratingKey}`
  // hash32 is a bijection in its first argument, so the ratingKey part keeps guids unique.
  const parts = [
    hash32(item.variant, SALT.guid),
    hash32(item.variant, SALT.guid + 100),
    hash32(item.ratingKey, SALT.guid),
  ]
  return `plex://${GUID_TYPES[item.kind]}/${parts.map((part) => part.toString(16).padStart(8, '0')).join('')}`
}

/** The `Guid` children `includeGuids=1` adds. */
export function externalGuidsOf(item: ItemRecord): string[] {
  const id = derive(item, SALT.external)
  if (item.kind === 'movie') return [`imdb://tt${scaled(id, 100000, 9999999)}`, `tmdb://${id % 900000}`]
  if (item.kind === 'show' || item.kind === 'episode' || item.kind === 'season') {
    return [`imdb://tt${scaled(id, 100000, 9999999)}`, `tvdb://${id % 9000000}`]
  }
  return []
}

const DURATION_RANGE_MS: Partial<Record<ItemRecord['kind'], readonly [number, number]>> = {
  movie: [80 * 60_000, 180 * 60_000],
  episode: [20 * 60_000, 60 * 60_000],
  track: [120_000, 420_000],
  clip: [5_000, 180_000],
}

export function durationOf(item: ItemRecord): number | undefined {
  const range = DURATION_RANGE_MS[item.kind]
  if (!range) return undefined
  // Whole seconds, like the files Plex probes.
  return scaled(derive(item, SALT.duration), range[0] / 1000, range[1] / 1000) * 1000
}

/** A float with one decimal, 4.0–9.5. */
export function ratingOf(item: ItemRecord): number {
  return scaled(derive(item, SALT.rating), 40, 95) / 10
}

export function audienceRatingOf(item: ItemRecord): number {
  return scaled(derive(item, SALT.audience), 30, 99) / 10
}

export function genresOf(item: ItemRecord): string[] {
  const list = item.kind === 'artist' || item.kind === 'album' ? MUSIC_GENRES : MOVIE_GENRES
  const h = derive(item, SALT.genre)
  const first = elementAt(list, h % list.length)
  const second = elementAt(list, (h >>> 8) % list.length)
  return first === second ? [first] : [first, second]
}

export function studioOf(item: ItemRecord): string {
  const list = item.kind === 'album' ? LABELS : STUDIOS
  return elementAt(list, derive(item, SALT.studio) % list.length)
}

export function contentRatingOf(item: ItemRecord): string {
  return elementAt(CONTENT_RATINGS, derive(item, SALT.contentRating) % CONTENT_RATINGS.length)
}

export function personOf(item: ItemRecord, role: number): string {
  return elementAt(PEOPLE, hash32(derive(item, SALT.person), role) % PEOPLE.length)
}

export function countryOf(item: ItemRecord): string {
  return elementAt(COUNTRIES, derive(item, SALT.country) % COUNTRIES.length)
}

/** YYYY-MM-DD within the item's year. */
export function releaseDateOf(item: ItemRecord): string {
  const h = derive(item, SALT.date)
  const month = String((h % 12) + 1).padStart(2, '0')
  const day = String(((h >>> 8) % 28) + 1).padStart(2, '0')
  return `${item.year}-${month}-${day}`
}

/** About a third of the playable items have been watched. */
export function viewsOf(item: ItemRecord): { viewCount: number; lastViewedAt: number } | undefined {
  const h = derive(item, SALT.views)
  if (h % 3 !== 0) return undefined
  return { viewCount: ((h >>> 4) % 3) + 1, lastViewedAt: item.updatedAt + ((h >>> 8) % 86_400) }
}
