import { useCallback } from 'react'
import type { ConnectionStatus } from '../../../shared/service-types'
import { useBridge } from '../bridge/BridgeContext'
import { useBridgeEvent } from '../bridge/useBridgeEvent'
import { useReloadable } from './useReloadable'

/** Whether Plex is reachable, and which server it is; undefined until known. */
export function useConnection(): ConnectionStatus | undefined {
  const bridge = useBridge()
  const read = useCallback(() => bridge.connectionStatus(), [bridge])
  const status = useReloadable(read)
  useBridgeEvent('connection', status.reload)
  useBridgeEvent('settings', status.reload)
  return status.value
}
