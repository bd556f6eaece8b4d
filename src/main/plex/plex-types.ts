import type { SectionType } from './types'

/**
 * Plex metadata type numbers used in `?type=` (facts §4). The fake server keeps its own copy
 * (fake-plex/records.ts) on purpose: one misreading of Plex must not hide in both client and fake.
 */
export const PlexMetadataType = {
  movie: 1,
  show: 2,
  season: 3,
  episode: 4,
  artist: 8,
  album: 9,
  track: 10,
  clip: 12,
  photo: 13,
  photoAlbum: 14,
} as const

/**
 * The type whose items carry the files. Shows and albums have no Media; their episodes and tracks
 * do. A photo section's default listing mixes albums and loose photos, so ask for photos directly.
 */
export function leafTypeFor(sectionType: SectionType | undefined): number | undefined {
  switch (sectionType) {
    case 'movie':
      return PlexMetadataType.movie
    case 'show':
      return PlexMetadataType.episode
    case 'artist':
      return PlexMetadataType.track
    case 'photo':
      return PlexMetadataType.photo
    default:
      return undefined
  }
}

/**
 * Every type whose items carry the files of a section, in listing order. A photo section's albums
 * hold photos and video clips (python-plexapi's Photoalbum.clips()), and the two are listed by
 * separate types, so a photo section takes two listings; the other sections take one.
 */
export function leafTypesFor(sectionType: SectionType | undefined): Array<number | undefined> {
  if (sectionType === 'photo') return [PlexMetadataType.photo, PlexMetadataType.clip]
  // Undefined for a section type we do not know: its default listing.
  return [leafTypeFor(sectionType)]
}
