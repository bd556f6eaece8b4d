/** The compact records the fake stores; every other attribute is derived when a page is rendered. */

export type ItemKind =
  | 'movie'
  | 'show'
  | 'season'
  | 'episode'
  | 'artist'
  | 'album'
  | 'track'
  | 'photoalbum'
  | 'photo'
  /** A video in a photo library: `<Video type="clip">` with a file, usually in an album. */
  | 'clip'

export type SectionType = 'movie' | 'show' | 'artist' | 'photo'

/**
 * Plex's integer metadata types, as used by `type=` on listings. The client keeps its own copy
 * (main/plex/plex-types.ts) on purpose: one misreading of Plex must not hide in both fake and client.
 */
export const TYPE_NUMBER: Record<ItemKind, number> = {
  movie: 1,
  show: 2,
  season: 3,
  episode: 4,
  artist: 8,
  album: 9,
  track: 10,
  clip: 12,
  photo: 13,
  photoalbum: 14,
}

/** The kinds a section of each type holds, its main kind first. */
export const SECTION_KINDS: Record<SectionType, readonly ItemKind[]> = {
  movie: ['movie'],
  show: ['show', 'season', 'episode'],
  artist: ['artist', 'album', 'track'],
  photo: ['photoalbum', 'photo', 'clip'],
}

/**
 * single: one Media, one Part; multipart: one Media with two Parts (cd1/cd2); multiversion: two Media;
 * optimized: the original plus an "Optimize" copy (a Media with proxyType 42 under "Plex Versions");
 * partlessMedia: one Media with its Part, then one without any Part (seen in real answers).
 */
export type MediaLayout = 'single' | 'multipart' | 'multiversion' | 'optimized' | 'partlessMedia'

/** Where generated files live: `/data/Movies/…` as on Linux, or `D:\Movies\…` as a Windows server sends. */
export type PathStyle = 'posix' | 'windows'

export interface ItemRecord {
  ratingKey: number
  kind: ItemKind
  sectionKey: string
  title: string
  year: number
  addedAt: number
  updatedAt: number
  /** Season, episode, album or track number; 0 when the kind has none. */
  index: number
  /** 0 for top-level items. */
  parentRatingKey: number
  /** Random bits every derived detail (duration, sizes, genres…) is computed from. */
  variant: number
  layout: MediaLayout
  /** Set when the files no longer follow from the titles (given on add, or pinned before a rename). */
  filePaths?: string[]
}

export interface SectionRecord {
  key: string
  type: SectionType
  title: string
  agent: string
  scanner: string
  language: string
  uuid: string
  createdAt: number
  updatedAt: number
  scannedAt: number
  contentChangedAt: number
  locationPath: string
  /** Bumped on every mutation so cached sort orders know they are stale. */
  version: number
}
