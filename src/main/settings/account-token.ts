import path from 'node:path'
import { systemKeychain } from './system-keychain'
import { chooseTokenStore, type TokenStore } from './token-store'

export const ACCOUNT_TOKEN_FILE = 'plex-account-token'

/**
 * The plex.tv account token from signing in with Plex, kept only so `plex-cache servers` can list
 * the account's servers again. It never reaches settings.json or a Plex server: it lives beside the
 * server token, in the OS keychain (its own entry) or else an owner-only file, and signing out
 * deletes it.
 */
export function accountTokenStore(dataDir: string): Promise<TokenStore> {
  return chooseTokenStore(
    systemKeychain(dataDir, 'Plex account token'),
    path.join(dataDir, ACCOUNT_TOKEN_FILE),
  )
}
