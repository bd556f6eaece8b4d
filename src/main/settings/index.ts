export { SettingsStore, type TokenVault, type PreparedSettings } from './settings-store'
export type { Notice } from './notice-buffer'
