import type { LibraryRow, ServiceStats } from '../../../shared/service-types'

export interface LibraryHitMiss {
  key: string
  title: string
  hits: number
  misses: number
}

/**
 * Per-library counts for the libraries the current server has, in the libraries' own order.
 * byLibrary is keyed by section key, or by "<machineId>:<sectionKey>" cache key; keys of another
 * server are left out when the current server's identifier is known.
 */
export function libraryHitMiss(
  rows: LibraryRow[],
  byLibrary: ServiceStats['byLibrary'],
  machineIdentifier: string | undefined,
): LibraryHitMiss[] {
  const bySection = new Map<string, { hits: number; misses: number }>()
  for (const [cacheKey, counts] of Object.entries(byLibrary)) {
    const colon = cacheKey.lastIndexOf(':')
    const machine = colon < 0 ? undefined : cacheKey.slice(0, colon)
    if (machine !== undefined && machineIdentifier !== undefined && machine !== machineIdentifier) continue
    const section = cacheKey.slice(colon + 1)
    const sum = bySection.get(section) ?? { hits: 0, misses: 0 }
    bySection.set(section, { hits: sum.hits + counts.hits, misses: sum.misses + counts.misses })
  }
  return rows.map((row) => ({
    key: row.key,
    title: row.title,
    hits: bySection.get(row.key)?.hits ?? 0,
    misses: bySection.get(row.key)?.misses ?? 0,
  }))
}
