import { contextBridge } from 'electron'

// Runs sandboxed: only `electron` (contextBridge, ipcRenderer) and a reduced `process` are available,
// and everything else must be bundled in. The renderer sees only what is exposed here, never ipcRenderer.
// The typed IPC contract (src/shared/contract.ts) will replace this placeholder surface.
const plexCache = {
  platform: process.platform,
}

contextBridge.exposeInMainWorld('plexCache', plexCache)
