import { useCallback } from 'react'
import type { PublicSettings } from '../../../shared/contract'
import { useBridge } from '../bridge/BridgeContext'
import { useBridgeEvent } from '../bridge/useBridgeEvent'
import { useReloadable, type Reloadable } from './useReloadable'

/** The settings as the window sees them (never the token), kept current by 'settings' events. */
export function useSettings(): Reloadable<PublicSettings> {
  const bridge = useBridge()
  const read = useCallback(() => bridge.getSettings(), [bridge])
  const settings = useReloadable(read)
  useBridgeEvent('settings', settings.reload)
  return settings
}
