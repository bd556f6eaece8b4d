import { useCallback } from 'react'
import type { ServiceStats } from '../../../shared/service-types'
import { useBridge } from '../bridge/BridgeContext'
import { useBridgeEvent } from '../bridge/useBridgeEvent'
import { useReloadable, type Reloadable } from './useReloadable'

/** The cache's statistics (hit rate, size against the limit), re-read when statistics or data change. */
export function useCacheStats(): Reloadable<ServiceStats> {
  const bridge = useBridge()
  const read = useCallback(() => bridge.stats(), [bridge])
  const stats = useReloadable(read)
  useBridgeEvent('stats', stats.reload)
  useBridgeEvent('changed', stats.reload)
  useBridgeEvent('settings', stats.reload)
  return stats
}
