import type { PlexCache } from '../cache'
import type { ConnectionMonitor } from './connection-monitor'
import type { ServiceCounters } from './counters'
import type { ServiceEvents } from './events'
import type { InFlight } from './in-flight'
import type { LibraryLoader } from './library-loader'
import type { PlexConnection } from './plex-connection'
import type { SectionDirectory } from './section-directory'
import type { ServiceSettings } from '../../shared/service-types'

/**
 * Everything CacheService builds for its use-case modules. No module takes all of it: each names
 * the few parts it uses with a Pick (LibraryReadsDeps, RefreshesDeps, FreshnessDeps…).
 */
export interface ServiceContext {
  cache: PlexCache
  clock: () => number
  events: ServiceEvents
  counters: ServiceCounters
  inFlight: InFlight
  monitor: ConnectionMonitor
  directory: SectionDirectory
  loader: LibraryLoader
  /** The current server connection; replaced when the URL or the token changes. */
  connection: () => PlexConnection
  settings: () => ServiceSettings
}
