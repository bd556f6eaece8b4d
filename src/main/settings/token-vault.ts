import { ServiceError } from '../service'

/**
 * The OS keychain as Electron's safeStorage offers it (see src/main/system-vault.ts); null where
 * there is none (Node, tests). Every call may wait on the user (a keychain prompt), so all of
 * them are asynchronous and nothing at start-up waits for them.
 */
export interface TokenVault {
  /** False where tokens could only be "sealed" with a key anyone can read. */
  isEncryptionAvailable(): Promise<boolean>
  encrypt(plain: string): Promise<Buffer>
  /** `shouldReEncrypt`: the keychain's key has changed, so the stored copy should be sealed again. */
  decrypt(sealed: Buffer): Promise<{ plain: string; shouldReEncrypt: boolean }>
  /** Deletes a token saved outside settings.json (see shared-token-vault.ts), once none is wanted. */
  forget?(): Promise<void>
}

/** A saved token the keychain gave back, and a fresh sealed copy when the keychain asked for one. */
export interface UnsealedToken {
  /** The stored copy it came from (base64), so a later change of token is not overwritten by it. */
  sealed: string
  token: string
  resealed: string | null
}

async function encryptionAvailable(vault: TokenVault | null): Promise<boolean> {
  try {
    return vault !== null && (await vault.isEncryptionAvailable())
  } catch {
    return false
  }
}

/** The token sealed by the keychain (base64), or null where there is no keychain to seal it. */
export async function sealToken(vault: TokenVault | null, token: string): Promise<string | null> {
  if (!(await encryptionAvailable(vault))) return null
  try {
    return (await vault!.encrypt(token)).toString('base64')
  } catch {
    throw new ServiceError('INTERNAL', 'The Plex token could not be encrypted by the system keychain.')
  }
}

/** The saved token, or null when the keychain is missing, refuses or fails. */
export async function unsealToken(vault: TokenVault | null, sealed: string): Promise<UnsealedToken | null> {
  if (!(await encryptionAvailable(vault))) return null
  let token: string
  let shouldReEncrypt: boolean
  try {
    ;({ plain: token, shouldReEncrypt } = await vault!.decrypt(Buffer.from(sealed, 'base64')))
  } catch {
    return null
  }
  let resealed: string | null = null
  if (shouldReEncrypt) {
    try {
      resealed = (await vault!.encrypt(token)).toString('base64')
    } catch {
      // The old copy still opens; sealing again can wait for the next launch.
    }
  }
  return { sealed, token, resealed }
}
