import { naturalSortKey } from '../../shared/text-fold'
import type { CachedItem } from './types'

/**
 * The title a listing is ordered by: Plex's titleSort when it sent one ("Matrix" for "The
 * Matrix", or whatever the user set), else the title, as python-plexapi reads it.
 */
export function sortTitleOf(item: CachedItem): string {
  return item.titleSort ?? item.title
}

/**
 * Title order as a person reads a library listing, the way Plex orders by titleSort: case and
 * accents ignored, numbers by value ("Archive 2" before "Archive 10"); ratingKey breaks ties so
 * the order is stable.
 */
export function sortByTitle(items: readonly CachedItem[]): CachedItem[] {
  // One key per item rather than per comparison: a listing can hold 100,000 items.
  const keyed = items.map((item) => ({ item, key: naturalSortKey(sortTitleOf(item)) }))
  const inOrder = (a: (typeof keyed)[number], b: (typeof keyed)[number]): number => {
    if (a.key !== b.key) return a.key < b.key ? -1 : 1
    return a.item.ratingKey < b.item.ratingKey ? -1 : a.item.ratingKey > b.item.ratingKey ? 1 : 0
  }
  // A listing that arrives already in this order (a re-store, or a server sorting the same way)
  // skips the sort: checking is one linear pass, sorting is n log n comparisons.
  if (keyed.every((entry, index) => index === 0 || inOrder(keyed[index - 1]!, entry) <= 0)) return [...items]
  return keyed.sort(inOrder).map((entry) => entry.item)
}
