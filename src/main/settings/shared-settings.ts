import path from 'node:path'
import { SettingsStore } from './settings-store'
import { sharedTokenVault } from './shared-token-vault'
import { systemKeychain } from './system-keychain'
import type { TokenVault } from './token-vault'

/**
 * The settings store of a data folder as the app and the CLI both open it: settings.json, and the
 * token in the OS keychain or else `<dataDir>/token`. `legacy` is Electron's safeStorage in the app,
 * to move tokens earlier versions sealed with it; the CLI has none and passes null.
 */
export function openSharedSettings(dataDir: string, legacy: TokenVault | null): SettingsStore {
  return new SettingsStore({
    file: path.join(dataDir, 'settings.json'),
    vault: sharedTokenVault({
      keychain: systemKeychain(dataDir),
      tokenFile: path.join(dataDir, 'token'),
      legacy,
    }),
  })
}
