import { createRequire } from 'node:module'
import Database from 'better-sqlite3'
import { PlexCache } from '../../src/main/cache'
import type { CachedItem } from '../../src/main/cache'
import { assertBench, measure } from '../stats'
import { LIBRARY_NAME, MISSING_LIBRARY_NAME, PAGE_SIZE } from './plan'
import type { Operation, SizeWorkload } from './plan'

/** Far above any library here, so no eviction ever skews a sample (as on the diskcache side). */
const SIZE_LIMIT_BYTES = 8 * 2 ** 30

/** Versions behind our numbers, printed so results from different runs can be told apart. */
export function plexCacheLabel(): string {
  const { version } = createRequire(import.meta.url)('better-sqlite3/package.json') as { version: string }
  const db = new Database(':memory:')
  try {
    const sqlite = db.prepare('SELECT sqlite_version()').pluck().get() as string
    return `better-sqlite3 ${version} (SQLite ${sqlite})`
  } finally {
    db.close()
  }
}

const ratingKeysOf = (items: readonly CachedItem[]) => items.map((item) => item.ratingKey).join(',')

/** Times the same five operations as diskcache_bench.py, on PlexCache in a fresh data directory. */
export function runPlexCacheSide(workload: SizeWorkload, dataDir: string): Record<Operation, number[]> {
  const { plan, items, pageOffsets, findTargets } = workload
  const { warmup, iterations } = plan
  const cache = new PlexCache({ dataDir, sizeLimitBytes: SIZE_LIMIT_BYTES })
  try {
    const set = measure({
      warmup,
      iterations: iterations.set,
      run: () => cache.setLibraryItems(LIBRARY_NAME, items),
      verify: (outcome) => assertBench(outcome.stored, `set of ${items.length} items was not stored`),
    })

    const get = measure({
      warmup,
      iterations: iterations.get,
      run: () => cache.getLibraryItems(LIBRARY_NAME),
      verify: (library) =>
        assertBench(
          library?.length === items.length,
          `get returned ${library?.length} of ${items.length} items`,
        ),
    })

    const offsetFor = (round: number) => pageOffsets[round % pageOffsets.length] ?? 0
    const page = measure({
      warmup,
      iterations: iterations.page,
      run: (round) => cache.getLibraryPage(LIBRARY_NAME, { offset: offsetFor(round), limit: PAGE_SIZE }),
      verify: (result, round) => {
        const offset = offsetFor(round)
        const expected = items.slice(offset, offset + PAGE_SIZE)
        assertBench(result?.total === items.length, `page total ${result?.total}, expected ${items.length}`)
        assertBench(
          ratingKeysOf(result.items) === ratingKeysOf(expected),
          `page at offset ${offset} does not hold the dataset's items in title order`,
        )
      },
    })

    const targetFor = (round: number) => {
      const target = findTargets[round % findTargets.length]
      if (!target) throw new Error('no find targets')
      return target
    }
    const find = measure({
      warmup,
      iterations: iterations.find,
      run: (round) => cache.findByFileName(targetFor(round).fileName),
      verify: (matches, round) => {
        const target = targetFor(round)
        const found = matches.map((match) => match.item.ratingKey).sort()
        assertBench(
          found.join(',') === [...target.expectedRatingKeys].sort().join(','),
          `find ${JSON.stringify(target.fileName)} found [${found}], expected [${target.expectedRatingKeys}]`,
        )
      },
    })

    const miss = measure({
      warmup,
      iterations: iterations.miss,
      run: () => cache.getLibraryItems(MISSING_LIBRARY_NAME),
      verify: (result) => assertBench(result === null, 'a library never stored was returned'),
    })

    return { set, get, page, find, miss }
  } finally {
    cache.close()
  }
}
