import { createContext, useContext, type ReactNode } from 'react'
import type { PlexCacheBridge } from '../../../shared/contract'

/** The one way the renderer reaches the core: whoever installed window.plexCache (preload or browser bridge). */
export function findBridge(): PlexCacheBridge | null {
  return window.plexCache ?? null
}

const BridgeContext = createContext<PlexCacheBridge | null>(null)

export function BridgeProvider({ bridge, children }: { bridge: PlexCacheBridge; children: ReactNode }) {
  return <BridgeContext.Provider value={bridge}>{children}</BridgeContext.Provider>
}

export function useBridge(): PlexCacheBridge {
  const bridge = useContext(BridgeContext)
  if (bridge === null) throw new Error('useBridge is used outside <BridgeProvider>')
  return bridge
}
