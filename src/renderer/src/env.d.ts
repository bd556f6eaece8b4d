/// <reference types="vite/client" />

import type { PlexCacheBridge } from '../../shared/contract'

declare global {
  interface Window {
    /**
     * Installed by src/preload/index.ts in Electron, or by the browser bridge's init script
     * (src/web-bridge). Absent when the built page is opened on its own.
     */
    readonly plexCache?: PlexCacheBridge
  }
}
