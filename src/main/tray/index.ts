export { createTray, type TrayDeps, type TrayHandle } from './tray'
export type { TrayController } from './tray-state-source'
export { isTrayShown } from './tray-availability'
