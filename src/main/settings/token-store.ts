import fs from 'node:fs/promises'
import { writePrivateFile } from './private-files'

/**
 * Where the saved Plex token lives, the same for the window and the CLI: the OS keychain where
 * there is one, else a file only the owner can read, which is plain text on disk and said so.
 */
export interface TokenStore {
  readonly kind: 'keychain' | 'file'
  /** The saved token, or null when none is saved. */
  read(): Promise<string | null>
  write(token: string): Promise<void>
  remove(): Promise<void>
}

/** The part of @napi-rs/keyring's AsyncEntry in use, so a test can play the keychain. */
export interface KeychainEntry {
  getPassword(): Promise<string | null>
  setPassword(password: string): Promise<void>
  deletePassword(): Promise<boolean>
}

export function keychainTokenStore(entry: KeychainEntry): TokenStore {
  return {
    kind: 'keychain',
    read: () => entry.getPassword(),
    write: (token) => entry.setPassword(token),
    async remove() {
      await entry.deletePassword()
    },
  }
}

/** `<dataDir>/token`, 0600 in a 0700 folder (see private-files.ts). Not encrypted. */
export function fileTokenStore(file: string): TokenStore {
  return {
    kind: 'file',
    async read() {
      try {
        const token = (await fs.readFile(file, 'utf8')).trim()
        return token === '' ? null : token
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
        throw error
      }
    },
    async write(token) {
      writePrivateFile(file, `${token}\n`)
    },
    async remove() {
      await fs.rm(file, { force: true })
    },
  }
}

/**
 * The keychain when it answers, else the file. Asking for an entry that is not there is the
 * probe: a machine without a keychain service (Linux without a Secret Service) throws there.
 */
export async function chooseTokenStore(keychain: KeychainEntry | null, file: string): Promise<TokenStore> {
  if (keychain !== null) {
    try {
      await keychain.getPassword()
      return keychainTokenStore(keychain)
    } catch {
      // No keychain service here: the file it is.
    }
  }
  return fileTokenStore(file)
}
