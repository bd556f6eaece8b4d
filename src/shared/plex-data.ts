/**
 * The shapes of cached Plex data that both processes see: main stores and serves them, the
 * renderer shows them. Types only, so the sandboxed renderer can import them.
 */

/** One file (a Media Part) behind a playable Plex item. */
export interface CachedFile {
  path: string
  size?: number
}

/** The reduced form of a Plex item: only what file matching and inspection need. */
export interface CachedItem {
  ratingKey: string
  key: string
  type: string
  title: string
  year?: number
  guid?: string
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
