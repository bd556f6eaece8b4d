import { createRequire } from 'node:module'
import path from 'node:path'
import type * as Keyring from '@napi-rs/keyring'
import type { KeychainEntry } from './token-store'

/**
 * The OS keychain's entry for the token of this data folder (macOS Keychain, Windows Credential
 * Manager, the Secret Service on Linux), through @napi-rs/keyring, which works alike in Node and
 * Electron. Loaded at run time, not bundled: it is a native module with one prebuilt package per
 * platform, and where none fits this returns null and the token goes to the file instead.
 * On Linux the kernel keyring is refused on purpose: it forgets everything at logout.
 */
export function systemKeychain(dataDir: string, what = 'Plex token'): KeychainEntry | null {
  try {
    const { AsyncEntry } = createRequire(import.meta.url)('@napi-rs/keyring') as typeof Keyring
    // One entry per data folder, named by its absolute path so the app and the CLI name it alike.
    const account = `${what} for ${path.resolve(dataDir)}`
    return new AsyncEntry('Plex Cache', account, { linux: { store: 'secret-service' } })
  } catch {
    return null
  }
}
