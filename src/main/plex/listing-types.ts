import type { ItemsProgress } from './types'

/** Lists one metadata type (undefined: the section's default listing), reporting its own progress. */
export type ListOneType<T> = (
  type: number | undefined,
  onProgress: (progress: ItemsProgress) => void,
) => Promise<T[]>

/**
 * One section's items over several listings, one per type (a photo section's photos, then its
 * clips), merged into one list and one progress: counts and totals add up across the listings, so
 * the last total equals the sum of the types' counts, which revalidation compares it with.
 */
export async function listEachType<T>(
  types: ReadonlyArray<number | undefined>,
  listOne: ListOneType<T>,
  keyOf: (item: T) => string,
  onProgress?: (progress: ItemsProgress) => void,
): Promise<T[]> {
  const merged: T[] = []
  const seen = new Set<string>()
  let earlierFetched = 0
  let earlierTotal = 0
  for (const type of types) {
    let announced: number | undefined
    const items = await listOne(type, (progress) => {
      announced = progress.total
      onProgress?.({
        fetched: earlierFetched + progress.fetched,
        total: earlierTotal + progress.total,
        // A page being retried is news for whoever watches, whichever type's listing it is in.
        retry: progress.retry,
      })
    })
    for (const item of items) {
      const key = keyOf(item)
      if (seen.has(key)) continue
      seen.add(key)
      merged.push(item)
    }
    earlierFetched = merged.length
    // A listing that never reported (an empty one) announced nothing beyond what it returned.
    earlierTotal += announced ?? items.length
  }
  return merged
}
