import type { ConnectionStatus } from '../../../shared/service-types'
import { useBridge } from '../bridge/BridgeContext'
import { readOperations } from '../data/read-operations'
import { useRead } from '../data/useRead'

/** Whether Plex is reachable, and which server it is; undefined until known. */
export function useConnection(): ConnectionStatus | undefined {
  return useRead(readOperations.connectionStatus(useBridge())).value
}
