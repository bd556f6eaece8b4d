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

/** The agents Plex gives ids of, in the order they are shown. */
const AGENTS = ['imdb', 'tmdb', 'tvdb'] as const

/** The item's ids at imdb, tmdb and tvdb that Plex gave, in a fixed order. */
export function externalIdList(item: CachedItem): { agent: (typeof AGENTS)[number]; id: string }[] {
  const ids = item.externalIds
  if (!ids) return []
  return AGENTS.flatMap((agent) => {
    const id = ids[agent]
    return id ? [{ agent, id }] : []
  })
}

/** "imdb tt0133093 · tmdb 603"; empty when Plex gave no ids. */
export function externalIdsText(item: CachedItem): string {
  return externalIdList(item)
    .map(({ agent, id }) => `${agent} ${id}`)
    .join(' · ')
}
