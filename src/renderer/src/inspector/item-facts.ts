import type { CachedFile, CachedItem } from '../../../shared/plex-data'

/**
 * The file a row shows: the first original, never an "Optimize" copy while the item has its own
 * file (Plex may list the copy's Media first). Undefined for an item without files.
 */
export function shownFile(item: CachedItem): CachedFile | undefined {
  return item.files.find((file) => !file.optimized) ?? item.files[0]
}

export function optimizedCopies(item: CachedItem): CachedFile[] {
  return item.files.filter((file) => file.optimized)
}

/** "imdb tt0133093 · tmdb 603", in a fixed order; empty when Plex gave no ids. */
export function externalIdsText(item: CachedItem): string {
  const ids = item.externalIds
  if (!ids) return ''
  const parts: string[] = []
  if (ids.imdb) parts.push(`imdb ${ids.imdb}`)
  if (ids.tmdb) parts.push(`tmdb ${ids.tmdb}`)
  if (ids.tvdb) parts.push(`tvdb ${ids.tvdb}`)
  return parts.join(' · ')
}
