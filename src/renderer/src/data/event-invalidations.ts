import type { EventName } from '../../../shared/contract'
import type { ReadOperation } from './read-operations'

/**
 * The one place that decides what each core event makes the window read again. Components never
 * listen for events to reload themselves: they read through queries, and an event invalidates
 * each operation once, however many components show its answer.
 *
 * getLibraryItems is absent on purpose: its pages are keyed by the listing's creation time, so a
 * replaced listing (seen through listEntries) is a new key rather than a re-read of every page.
 */
export const EVENT_INVALIDATIONS: { readonly [E in EventName]?: readonly ReadOperation[] } = {
  changed: ['listLibraries', 'listEntries', 'stats', 'statsHistory', 'recentReads'],
  // Also sent when another process (the CLI) wrote to the cache file: its reads show up live.
  stats: ['stats', 'statsHistory', 'recentReads'],
  connection: ['connectionStatus', 'listLibraries'],
  settings: ['getSettings', 'connectionStatus', 'listLibraries', 'listEntries', 'stats'],
  toolsProxy: ['toolsProxyStatus'],
}

/**
 * The shortest time between two reads of an operation; the default is none beyond never running
 * two at once. A busy client causes a stats event per read it makes: the charts and totals only
 * need to follow about once a second.
 */
export const MIN_GAP_MS: { readonly [O in ReadOperation]?: number } = {
  stats: 1000,
  statsHistory: 1000,
  recentReads: 1000,
}
