import type { PublicSettings } from '../../../shared/contract'
import { useBridge } from '../bridge/BridgeContext'
import { readOperations } from '../data/read-operations'
import { useRead, type Reloadable } from '../data/useRead'

/** The settings as the window sees them (never the token), kept current by 'settings' events. */
export function useSettings(): Reloadable<PublicSettings> {
  return useRead(readOperations.getSettings(useBridge()))
}
