/**
 * The OS keychain through Electron's safeStorage, asynchronously: the synchronous calls are
 * deprecated, and they block the main process while the keychain asks the user for access.
 * Kept only to open tokens that versions before the shared token store sealed with it, so they
 * move to that store (see settings/shared-token-vault.ts); nothing new is sealed with it.
 */
import { safeStorage } from 'electron'
import type { TokenVault } from './settings'

/** Linux's fallback "basic_text" backend seals with a fixed, public key, so it counts as no encryption. */
export function systemVault(platform: NodeJS.Platform = process.platform): TokenVault {
  return {
    async isEncryptionAvailable() {
      if (!(await safeStorage.isAsyncEncryptionAvailable())) return false
      return !(platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text')
    },
    encrypt: (plain) => safeStorage.encryptStringAsync(plain),
    async decrypt(sealed) {
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(sealed)
      return { plain: result, shouldReEncrypt }
    },
  }
}
