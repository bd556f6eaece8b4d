import type { PlexCache } from '../cache'
import { libraryCacheKey } from './cache-keys'
import type { ServiceEvents } from './events'
import type { ServerRecord } from './plex-connection'

export interface GoneLibraryDeps {
  cache: Pick<PlexCache, 'clearLibrary'>
  events: Pick<ServiceEvents, 'emit'>
}

/**
 * Drops a library Plex no longer has, and its searches. Both the section list (when Plex lists
 * sections without it) and the loader (when Plex answers 404 for it) find such libraries; kept
 * apart from both so neither needs the other.
 */
export function forgetGoneLibrary(deps: GoneLibraryDeps, server: ServerRecord, sectionKey: string): void {
  const removed = deps.cache.clearLibrary(libraryCacheKey(server.machineIdentifier, sectionKey))
  if (removed > 0) deps.events.emit({ type: 'changed', library: sectionKey })
}
