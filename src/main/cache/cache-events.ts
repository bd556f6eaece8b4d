import type { CacheEvent } from './types'

/** The sentence the window's notice and the CLI's warning show for a cache event: one wording for both. */
export function cacheEventMessage(event: CacheEvent): string {
  switch (event.type) {
    case 'corrupt-file-recovered':
      return `The cache file was damaged and has been moved to ${event.movedTo}; the cache starts afresh.`
    case 'opened-read-only':
      return `The cache can only be read: ${event.reason}.`
    case 'damaged-entry-dropped': {
      const library = event.title ?? event.library
      const what = event.namespace === 'search' ? `the search "${event.query ?? ''}" in ${library}` : library
      return `The cached copy of ${what} was damaged and has been dropped; it is fetched again from Plex.`
    }
  }
}
