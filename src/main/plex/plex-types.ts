import type { SectionType } from './types'

/** Plex metadata type numbers used in `?type=` (facts §4). */
export const PlexMetadataType = {
  movie: 1,
  show: 2,
  season: 3,
  episode: 4,
  artist: 8,
  album: 9,
  track: 10,
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
