import type { TokenVault } from '../../../src/main/settings'

/**
 * Plays the OS keychain's part (Electron's safeStorage) for the settings store and the controller:
 * reversible, but not plain text on disk. Each sealed copy names the key it was sealed with, so
 * "rotating" the key makes older copies ask to be sealed again, as safeStorage's shouldReEncrypt
 * does. A test can make decryption wait (a keychain prompt nobody answers) or fail (a refusal).
 */
export class TestKeychain implements TokenVault {
  available = true
  keyVersion = 1
  refuse = false
  encryptCalls = 0
  decryptCalls = 0
  private waiting: Array<() => void> | null = null

  async isEncryptionAvailable(): Promise<boolean> {
    return this.available
  }

  async encrypt(plain: string): Promise<Buffer> {
    this.encryptCalls++
    return Buffer.from(`key${this.keyVersion}:${Buffer.from(plain).reverse().toString('hex')}`)
  }

  async decrypt(sealed: Buffer): Promise<{ plain: string; shouldReEncrypt: boolean }> {
    this.decryptCalls++
    if (this.waiting !== null) await new Promise<void>((resolve) => this.waiting!.push(resolve))
    if (this.refuse) throw new Error('The user refused access to the keychain.')
    const match = /^key(\d+):([0-9a-f]*)$/.exec(sealed.toString())
    if (match === null) throw new Error('Not sealed by this keychain.')
    return {
      plain: Buffer.from(match[2]!, 'hex').reverse().toString(),
      shouldReEncrypt: Number(match[1]) !== this.keyVersion,
    }
  }

  /** Decryptions wait from now on until the returned function is called. */
  holdDecryption(): () => void {
    this.waiting ??= []
    return () => {
      const waiting = this.waiting ?? []
      this.waiting = null
      for (const resume of waiting) resume()
    }
  }
}
