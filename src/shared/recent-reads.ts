/**
 * The "Recent reads" list: the last reads made for consumers (the CLI, scripts, tools through the
 * proxy), never the window's own inspection. It answers "what did my script just fetch?".
 */

/** How many reads are kept, across every process sharing the cache file. */
export const RECENT_READS_KEPT = 100

/**
 * A page of a library, a title search, a file lookup across every cached library, or a request
 * a tool sent through the proxy that went on to Plex untouched.
 */
export type RecentReadKind = 'library' | 'search' | 'find' | 'plex'

/**
 * hit: answered from a fresh cached copy; stale: from an expired copy (Plex down, or revalidating
 * behind the answer); miss: Plex was asked; failed: no answer was given; passed: sent on to Plex
 * as it was (a request the cache does not answer).
 */
export type RecentReadOutcome = 'hit' | 'miss' | 'stale' | 'failed' | 'passed'

export interface RecentRead {
  /** When the read was answered (ms since the epoch). */
  at: number
  consumer: string
  kind: RecentReadKind
  /** The library's section key; null for a file lookup, which reads every library. */
  library: string | null
  libraryTitle: string | null
  /** The search's title, the file looked for, a page's filter ('' when none), or a passed request's method and path. */
  query: string
  outcome: RecentReadOutcome
  /** Items (or matches) served; null when the read failed. */
  items: number | null
}
