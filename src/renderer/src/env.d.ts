/// <reference types="vite/client" />

// What src/preload/index.ts exposes. The IPC contract in src/shared/contract.ts will own this type
// once it exists, so preload and renderer cannot drift apart.
interface PlexCacheBridge {
  readonly platform: string
}

interface Window {
  readonly plexCache: PlexCacheBridge
}
