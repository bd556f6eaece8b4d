export { CacheService, type CacheServiceDeps } from './cache-service'
export { ServiceError, toServiceError } from './errors'
export type { ClientTuning } from './plex-connection'
export type { PageStamp, PeekedPage } from './stored-copy-reads'
export { DEFAULT_UPKEEP, type UpkeepOptions } from './upkeep'
export type { ServiceListener } from './events'
// The contract's data types, so callers of the service find them where they find the service.
export type * from '../../shared/service-types'
export { DEFAULT_SETTINGS } from './settings'
