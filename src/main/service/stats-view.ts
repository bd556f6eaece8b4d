import { figuresByConsumer, type CacheStats, type PlexCache } from '../cache'
import { sectionKeyOf } from './cache-keys'
import { COUNTER } from './counters'
import { ServiceError } from './errors'
import type { ServiceStats, StatsBucket, StatsRange } from '../../shared/service-types'

/** Chart ranges and their bucket sizes: about 60-100 points each, never finer than the stored minute. */
const RANGES: Record<StatsRange, { spanMs: number; bucketSeconds: number }> = {
  hour: { spanMs: 3600_000, bucketSeconds: 60 },
  day: { spanMs: 24 * 3600_000, bucketSeconds: 15 * 60 },
  week: { spanMs: 7 * 24 * 3600_000, bucketSeconds: 2 * 3600 },
}

/** The cache's figures plus the service's counters; per-library counts for the current server only. */
export function serviceStats(
  stats: CacheStats,
  machineIdentifier: string | undefined,
  entryStates: ServiceStats['entryStates'],
): ServiceStats {
  const counter = (name: string) => stats.counters[name] ?? 0
  const byLibrary: ServiceStats['byLibrary'] = {}
  for (const [cacheKey, counts] of Object.entries(stats.byLibrary)) {
    const key = machineIdentifier === undefined ? cacheKey : sectionKeyOf(cacheKey, machineIdentifier)
    if (key !== undefined) byLibrary[key] = { hits: counts.hits, misses: counts.misses }
  }
  return {
    hits: stats.hits,
    misses: stats.misses,
    hitRate: stats.hitRate,
    entries: stats.storedEntryCount,
    entryStates,
    bytes: stats.accountedBytes,
    sizeLimitBytes: stats.sizeLimitBytes,
    databaseFileBytes: stats.databaseFileBytes,
    evictions: stats.evictions,
    plexRequests: counter(COUNTER.plexRequests),
    plexRequestsAvoided: counter(COUNTER.plexRequestsAvoided),
    revalidations: counter(COUNTER.revalidations),
    coalescedRequests: counter(COUNTER.coalescedRequests),
    bytesServed: counter(COUNTER.bytesServed),
    timeSavedMs: counter(COUNTER.timeSavedMs),
    byLibrary,
    inspectionReads: counter(COUNTER.inspectionReads),
    byConsumer: byConsumer(stats.counters),
  }
}

function byConsumer(counters: Record<string, number>): ServiceStats['byConsumer'] {
  const rows: ServiceStats['byConsumer'] = {}
  for (const [consumer, figures] of Object.entries(figuresByConsumer(counters))) {
    rows[consumer] = {
      hits: figures.hits,
      misses: figures.misses,
      plexRequestsAvoided: figures.requestsAvoided,
      timeSavedMs: figures.timeSavedMs,
      stale: figures.stale,
      passedThrough: figures.passedThrough,
      bytesServed: figures.bytesServed,
    }
  }
  return rows
}

export function statsHistory(cache: PlexCache, range: StatsRange, now: number): StatsBucket[] {
  const chosen = (RANGES as Partial<Record<string, (typeof RANGES)[StatsRange]>>)[range]
  if (!chosen) {
    throw new ServiceError('INVALID_ARGUMENT', `range must be one of ${Object.keys(RANGES).join(', ')}`)
  }
  return cache.getStatsHistory({
    since: Math.max(0, now - chosen.spanMs),
    bucketSeconds: chosen.bucketSeconds,
  })
}
