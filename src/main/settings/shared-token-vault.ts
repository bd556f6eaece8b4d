import { randomUUID } from 'node:crypto'
import {
  chooseTokenStore,
  fileTokenStore,
  keychainTokenStore,
  type KeychainEntry,
  type TokenStore,
} from './token-store'
import type { TokenVault } from './token-vault'

/**
 * settings.json names where the token is saved instead of holding it: `encryptedToken` is then
 * this prefix, the store's kind and a new random id per save, so the window and the CLI look in
 * the same place, and a token saved anew (say by `plex-cache login` while the app runs) changes
 * settings.json, which the other side watches, even when the place is the same.
 */
const LOCATION_PREFIX = 'plex-cache-token-in:'

export type SavedTokenLocation = TokenStore['kind'] | 'safe-storage'

/** Where a stored `encryptedToken` (base64) says the token is; 'safe-storage' for one sealed by Electron. */
export function savedTokenLocation(sealed: string): SavedTokenLocation {
  const text = Buffer.from(sealed, 'base64').toString('utf8')
  // Markers written before the per-save id have no ':' after the kind.
  const [kind] = text.startsWith(LOCATION_PREFIX) ? text.slice(LOCATION_PREFIX.length).split(':') : []
  if (kind === 'keychain' || kind === 'file') return kind
  return 'safe-storage'
}

export interface SharedTokenVaultOptions {
  /** The OS keychain's entry, or null where there is none (see system-keychain.ts). */
  keychain: KeychainEntry | null
  /** `<dataDir>/token`, used when the keychain does not answer. */
  tokenFile: string
  /** Electron's safeStorage, only to move tokens saved by earlier versions; null in the CLI. */
  legacy: TokenVault | null
}

/**
 * The one token store of the window and the CLI, behind the settings store's TokenVault: sealing
 * saves the token in the keychain or the file and returns where; unsealing reads it back. A token
 * an earlier version sealed with safeStorage is opened with it once and asked to be sealed again,
 * which moves it here (the settings store's re-encryption path does the rest).
 */
export function sharedTokenVault(options: SharedTokenVaultOptions): TokenVault {
  let chosen: Promise<TokenStore> | undefined
  const store = () => (chosen ??= chooseTokenStore(options.keychain, options.tokenFile))
  const storeAt = (location: TokenStore['kind']): TokenStore => {
    if (location === 'file') return fileTokenStore(options.tokenFile)
    if (options.keychain === null) throw new Error('The system keychain is not available here.')
    return keychainTokenStore(options.keychain)
  }
  return {
    isEncryptionAvailable: async () => true,
    async encrypt(plain) {
      const target = await store()
      await target.write(plain)
      return Buffer.from(`${LOCATION_PREFIX}${target.kind}:${randomUUID()}`)
    },
    async decrypt(sealed) {
      const location = savedTokenLocation(sealed.toString('base64'))
      if (location !== 'safe-storage') {
        const token = await storeAt(location).read()
        if (token === null) throw new Error(`No token is saved in the ${location}.`)
        return { plain: token, shouldReEncrypt: false }
      }
      if (options.legacy === null || !(await options.legacy.isEncryptionAvailable())) {
        throw new Error('The token was saved encrypted by the desktop app; only the app can open it.')
      }
      const { plain } = await options.legacy.decrypt(sealed)
      return { plain, shouldReEncrypt: true }
    },
    async forget() {
      const stores = [fileTokenStore(options.tokenFile)]
      if (options.keychain !== null) stores.push(keychainTokenStore(options.keychain))
      await Promise.allSettled(stores.map((each) => each.remove()))
    },
  }
}
