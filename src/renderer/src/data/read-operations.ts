import type { PlexCacheBridge } from '../../../shared/contract'
import type { StatsRange } from '../../../shared/service-types'
import { unwrap } from './bridge-read'

/** One read: its key starts with the contract operation's name, its function calls the bridge. */
export interface ReadQuery<T> {
  queryKey: readonly [ReadOperation, ...unknown[]]
  queryFn: () => Promise<T>
}

const read = <T>(queryKey: ReadQuery<T>['queryKey'], queryFn: () => Promise<T>): ReadQuery<T> => ({
  queryKey,
  queryFn,
})

/**
 * Every read the window makes, one query per contract operation. A query key starts with the
 * operation's name, so "re-read listLibraries" is one prefix whatever the arguments, and the
 * event map (event-invalidations.ts) names operations, never components.
 */
export const readOperations = {
  listLibraries: (bridge: PlexCacheBridge) => read(['listLibraries'], () => unwrap(bridge.listLibraries())),
  listEntries: (bridge: PlexCacheBridge) => read(['listEntries'], () => unwrap(bridge.listEntries())),
  stats: (bridge: PlexCacheBridge) => read(['stats'], () => unwrap(bridge.stats())),
  // The answer carries its range: while another range loads, the chart keeps the last one and must
  // know which it is.
  statsHistory: (bridge: PlexCacheBridge, range: StatsRange) =>
    read(['statsHistory', range], async () => ({
      range,
      buckets: await unwrap(bridge.statsHistory({ range })),
    })),
  connectionStatus: (bridge: PlexCacheBridge) =>
    read(['connectionStatus'], () => unwrap(bridge.connectionStatus())),
  getSettings: (bridge: PlexCacheBridge) => read(['getSettings'], () => unwrap(bridge.getSettings())),
  recentReads: (bridge: PlexCacheBridge) => read(['recentReads'], () => unwrap(bridge.recentReads())),
  getAbout: (bridge: PlexCacheBridge) => read(['getAbout'], () => unwrap(bridge.getAbout())),
  toolsProxyStatus: (bridge: PlexCacheBridge) =>
    read(['toolsProxyStatus'], () => unwrap(bridge.toolsProxyStatus())),
  // getLibraryItems is paged: its queries are built in inspector/item-page-queries.ts.
} as const

export type ReadOperation =
  | 'listLibraries'
  | 'listEntries'
  | 'stats'
  | 'statsHistory'
  | 'connectionStatus'
  | 'getSettings'
  | 'recentReads'
  | 'getAbout'
  | 'toolsProxyStatus'
  | 'getLibraryItems'
