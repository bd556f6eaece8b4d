import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  openSharedSettings,
  SettingsStore,
  sharedTokenVault,
  type KeychainEntry,
} from '../../../src/main/settings'
import { tempDir } from '../../support/temp-dir'
import { TestKeychain } from './test-keychain'

const TOKEN = 'shared-store-secret-token'
const modeOf = (file: string) => (fs.statSync(file).mode & 0o777).toString(8)
const read = (file: string) => fs.readFileSync(file, 'utf8')

/** Plays an OS keychain that answers (the real one cannot run here: no Secret Service). */
class MemoryKeychain implements KeychainEntry {
  password: string | null = null
  async getPassword() {
    return this.password
  }
  async setPassword(password: string) {
    this.password = password
  }
  async deletePassword() {
    const had = this.password !== null
    this.password = null
    return had
  }
}

/** A keychain library that loads but whose service is missing, as on a Linux without one. */
const absentKeychain: KeychainEntry = {
  getPassword: () => Promise.reject(new Error('Platform failure: no Secret Service')),
  setPassword: () => Promise.reject(new Error('Platform failure: no Secret Service')),
  deletePassword: () => Promise.reject(new Error('Platform failure: no Secret Service')),
}

function storeWith(dataDir: string, keychain: KeychainEntry | null, legacy: TestKeychain | null = null) {
  const vault = sharedTokenVault({ keychain, tokenFile: path.join(dataDir, 'token'), legacy })
  return new SettingsStore({ file: path.join(dataDir, 'settings.json'), vault })
}

async function reopened(store: SettingsStore): Promise<string | undefined> {
  const unsealed = await store.unsealSavedToken()
  return unsealed?.token
}

describe('one token store for the app and the CLI', () => {
  it('without a keychain: an owner-only token file, described as unencrypted, never in settings.json', async () => {
    const dataDir = tempDir()
    // This machine's real keychain (none answers here), as the app and the CLI open it.
    const store = openSharedSettings(dataDir, null)
    const settings = await store.update({ serverUrl: 'http://10.0.0.1:32400', token: TOKEN })
    expect(settings).toMatchObject({ tokenSet: true, tokenStorage: 'file' })
    const tokenFile = path.join(dataDir, 'token')
    expect(read(tokenFile).trim()).toBe(TOKEN)
    expect(modeOf(tokenFile)).toBe('600')
    expect(modeOf(dataDir)).toBe('700')
    expect(read(path.join(dataDir, 'settings.json'))).not.toContain(TOKEN)

    const later = openSharedSettings(dataDir, null)
    expect(later.publicSettings()).toMatchObject({ tokenSet: true, tokenStorage: 'file' })
    expect(await reopened(later)).toBe(TOKEN)
  })

  it('a keychain that loads but does not answer falls back to the file', async () => {
    const dataDir = tempDir()
    await storeWith(dataDir, absentKeychain).update({ token: TOKEN })
    expect(read(path.join(dataDir, 'token')).trim()).toBe(TOKEN)
  })

  it('with a keychain: the token goes there, and no file is written', async () => {
    const dataDir = tempDir()
    const keychain = new MemoryKeychain()
    const settings = await storeWith(dataDir, keychain).update({
      serverUrl: 'http://10.0.0.1:32400',
      token: TOKEN,
    })
    expect(settings).toMatchObject({ tokenSet: true, tokenStorage: 'encrypted' })
    expect(keychain.password).toBe(TOKEN)
    expect(fs.existsSync(path.join(dataDir, 'token'))).toBe(false)
    expect(await reopened(storeWith(dataDir, keychain))).toBe(TOKEN)
  })

  it('a token nobody uses any more is deleted from the keychain and the file', async () => {
    const dataDir = tempDir()
    const keychain = new MemoryKeychain()
    const store = storeWith(dataDir, keychain)
    await store.update({ serverUrl: 'http://10.0.0.1:32400', token: TOKEN })
    await store.update({ serverUrl: 'http://10.0.0.2:32400' })
    await expect.poll(() => keychain.password).toBeNull()

    const fileStore = storeWith(dataDir, null)
    await fileStore.update({ token: TOKEN })
    await fileStore.update({ token: null })
    await expect.poll(() => fs.existsSync(path.join(dataDir, 'token'))).toBe(false)
  })

  it("moves a token an earlier version sealed with Electron's safeStorage into the shared store", async () => {
    const dataDir = tempDir()
    const safeStorage = new TestKeychain()
    // What an earlier version left: the token sealed by safeStorage inside settings.json.
    await new SettingsStore({ file: path.join(dataDir, 'settings.json'), vault: safeStorage }).update({
      serverUrl: 'http://10.0.0.1:32400',
      token: TOKEN,
    })

    const store = storeWith(dataDir, null, safeStorage)
    const unsealed = await store.unsealSavedToken()
    expect(unsealed).toMatchObject({ token: TOKEN })
    store.commit(store.prepareUnsealed(unsealed!)!)

    expect(read(path.join(dataDir, 'token')).trim()).toBe(TOKEN)
    // Now the CLI, which has no safeStorage, finds it too.
    expect(await reopened(storeWith(dataDir, null))).toBe(TOKEN)
    expect(store.publicSettings()).toMatchObject({ tokenSet: true, tokenStorage: 'file' })
  })
})
