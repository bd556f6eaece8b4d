export { SettingsStore, type PreparedSettings } from './settings-store'
export type { TokenVault, UnsealedToken } from './token-vault'
export type { Notice } from './notice-buffer'
