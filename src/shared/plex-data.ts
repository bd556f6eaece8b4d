/**
 * The shapes of cached Plex data that both processes see: main stores and serves them, the
 * renderer shows them. Types only, so the sandboxed renderer can import them.
 */

/** One file (a Media Part) behind a playable Plex item. */
export interface CachedFile {
  path: string
  size?: number
  /**
   * A copy Plex made with "Optimize" (a Media with proxyType 42, under "Plex Versions"), not the
   * user's own file: present only when true, so it is never mistaken for the original.
   */
  optimized?: true
}

/** An item's ids at the metadata agents (from Plex's Guid children), so tools can match by id. */
export interface ExternalIds {
  /** e.g. "tt0133093" */
  imdb?: string
  /** e.g. "603" */
  tmdb?: string
  /** e.g. "81189" */
  tvdb?: string
}

/** The reduced form of a Plex item: only what file matching and inspection need. */
export interface CachedItem {
  ratingKey: string
  key: string
  type: string
  title: string
  /**
   * Plex's sort title ("Matrix" for "The Matrix", or one the user set); kept only when it differs
   * from the title. Listings are ordered by it.
   */
  titleSort?: string
  year?: number
  guid?: string
  /** Absent when Plex knows none (photos, home videos, an unmatched item). */
  externalIds?: ExternalIds
  addedAt?: number
  updatedAt?: number
  parentTitle?: string
  grandparentTitle?: string
  index?: number
  parentIndex?: number
  files: CachedFile[]
}

export type EvictionReason = 'expired' | 'size_limit' | 'too_large' | 'cleared' | 'damaged'

export interface StatsBucket {
  /** Start of the bucket, epoch milliseconds. */
  start: number
  hits: number
  misses: number
}
