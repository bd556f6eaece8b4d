import type { ServiceStats } from '../../../shared/service-types'
import { useBridge } from '../bridge/BridgeContext'
import { readOperations } from '../data/read-operations'
import { useRead, type Reloadable } from '../data/useRead'

/** The cache's statistics (hit rate, size against the limit); events keep them current (data/event-invalidations.ts). */
export function useCacheStats(): Reloadable<ServiceStats> {
  return useRead(readOperations.stats(useBridge()))
}
