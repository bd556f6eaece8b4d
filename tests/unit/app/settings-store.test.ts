import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ServiceError } from '../../../src/main/service'
import { SettingsStore, type TokenVault } from '../../../src/main/settings'
import type { Notice } from '../../../src/main/settings'
import { tempDir } from '../../support/temp-dir'
import { TestKeychain } from './test-keychain'

const TOKEN = 'tok-4f1d9c2a-very-secret'

function keychain(available = true): TestKeychain {
  const vault = new TestKeychain()
  vault.available = available
  return vault
}

function open(dir: string, vault: TokenVault | null = keychain()) {
  const file = path.join(dir, 'settings.json')
  const store = new SettingsStore({ file, vault })
  const notices: Notice[] = []
  store.onNotice((notice) => notices.push(notice))
  return { store, file, notices }
}

/** What the controller does at start-up: ask the keychain for the saved token, then take it. */
async function takeSavedToken(store: SettingsStore): Promise<void> {
  const unsealed = await store.unsealSavedToken()
  const prepared = unsealed && store.prepareUnsealed(unsealed)
  if (prepared) store.commit(prepared)
}

async function openUnsealed(dir: string, vault: TokenVault | null = keychain()) {
  const opened = open(dir, vault)
  await takeSavedToken(opened.store)
  return opened
}

const readStored = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'))

describe('SettingsStore', async () => {
  it('starts from the defaults with no file, and writes none until something changes', async () => {
    const { store, file, notices } = open(tempDir())
    expect(store.publicSettings()).toEqual({
      serverUrl: null,
      tokenSet: false,
      tokenStorage: 'none',
      demo: false,
      libraryTtlSeconds: 3600,
      searchTtlSeconds: 3600,
      emptySearchTtlSeconds: 300,
      sizeLimitBytes: 100 * 1024 * 1024,
      pageSize: 500,
      keepWarm: true,
      staleWhileRevalidateSeconds: 0,
      startInTray: false,
      notifyWhenHidden: true,
      serveToTools: false,
      toolsPort: 32499,
    })
    expect(store.serviceSettings()).toMatchObject({ serverUrl: undefined, token: undefined })
    expect(fs.existsSync(file)).toBe(false)
    expect(notices).toEqual([])
  })

  it('persists changes, with the token encrypted, across a new store', async () => {
    const dir = tempDir()
    const first = open(dir)
    await first.store.update({
      serverUrl: 'http://192.168.1.5:32400',
      token: TOKEN,
      libraryTtlSeconds: 600,
      startInTray: true,
    })
    const onDisk = fs.readFileSync(first.file, 'utf8')
    expect(onDisk).not.toContain(TOKEN)
    expect(JSON.parse(onDisk).encryptedToken).toEqual(expect.any(String))

    const second = await openUnsealed(dir)
    expect(second.store.publicSettings()).toMatchObject({
      serverUrl: 'http://192.168.1.5:32400',
      tokenSet: true,
      tokenStorage: 'encrypted',
      libraryTtlSeconds: 600,
      startInTray: true,
    })
    expect(second.store.startInTray).toBe(true)
    expect(second.store.serviceSettings()).toMatchObject({
      serverUrl: 'http://192.168.1.5:32400',
      token: TOKEN,
    })
    expect(JSON.stringify(second.store.publicSettings())).not.toContain(TOKEN)
    expect(second.notices).toEqual([])
  })

  it('refuses invalid values with INVALID_ARGUMENT and saves nothing', async () => {
    const { store, file } = open(tempDir())
    await store.update({ pageSize: 200 })
    const before = fs.readFileSync(file, 'utf8')
    const bad = [
      { libraryTtlSeconds: 5 },
      { sizeLimitBytes: -1 },
      { pageSize: Number.NaN },
      { serverUrl: 'file:///etc/passwd' },
      { keepWarm: 'yes' },
      { tokenStorage: 'none' },
    ]
    for (const change of bad) {
      let thrown: unknown
      try {
        await store.update(change as never)
      } catch (error) {
        thrown = error
      }
      expect(thrown, JSON.stringify(change)).toBeInstanceOf(ServiceError)
      expect((thrown as ServiceError).code).toBe('INVALID_ARGUMENT')
    }
    expect(fs.readFileSync(file, 'utf8')).toBe(before)
    expect(store.publicSettings().pageSize).toBe(200)
  })

  it('forgets the token on null or an empty string', async () => {
    const { store } = open(tempDir())
    await store.update({ token: TOKEN })
    expect(await store.update({ token: null })).toMatchObject({ tokenSet: false, tokenStorage: 'none' })
    await store.update({ token: TOKEN })
    expect(await store.update({ token: '' })).toMatchObject({ tokenSet: false })
  })

  it('recovers from a damaged file: defaults, the file moved aside, and a notice', async () => {
    for (const content of ['{ not json', '{"libraryTtlSeconds":"soon"}', '[1,2,3]', '{"pageSize":1}']) {
      const dir = tempDir()
      fs.writeFileSync(path.join(dir, 'settings.json'), content)
      const { store, notices } = open(dir)
      expect(store.publicSettings().libraryTtlSeconds, content).toBe(3600)
      expect(notices).toEqual([{ level: 'warning', message: expect.stringContaining('damaged') }])
      const aside = fs.readdirSync(dir).filter((name) => name.startsWith('settings.json.damaged-'))
      expect(aside).toHaveLength(1)
      expect(fs.readFileSync(path.join(dir, aside[0]!), 'utf8')).toBe(content)
      // And the store works again afterwards.
      await store.update({ keepWarm: false })
      expect(open(dir).store.publicSettings().keepWarm).toBe(false)
    }
  })

  it('keeps the token for the session only when encryption is unavailable, and says so', async () => {
    for (const vault of [null, keychain(false)]) {
      const dir = tempDir()
      const { store, file, notices } = open(dir, vault)
      const settings = await store.update({ serverUrl: 'http://10.0.0.2:32400', token: TOKEN })
      expect(settings).toMatchObject({ tokenSet: true, tokenStorage: 'session' })
      expect(store.serviceSettings().token).toBe(TOKEN)
      expect(fs.readFileSync(file, 'utf8')).not.toContain(TOKEN)
      expect(JSON.parse(fs.readFileSync(file, 'utf8')).encryptedToken).toBeNull()
      expect(notices).toEqual([
        { level: 'warning', message: expect.stringContaining('only until Plex Cache quits') },
      ])

      // The next launch has the URL but no token.
      expect((await openUnsealed(dir, vault)).store.publicSettings()).toMatchObject({
        serverUrl: 'http://10.0.0.2:32400',
        tokenSet: false,
      })
    }
  })

  it('says so when a saved token cannot be decrypted, and keeps the encrypted copy', async () => {
    const dir = tempDir()
    await open(dir).store.update({ token: TOKEN })
    const stored = JSON.parse(fs.readFileSync(path.join(dir, 'settings.json'), 'utf8')).encryptedToken
    const later = await openUnsealed(dir, keychain(false))
    expect(later.store.publicSettings().tokenSet).toBe(false)
    expect(later.notices).toEqual([
      { level: 'warning', message: expect.stringContaining('could not be decrypted') },
    ])
    await later.store.update({ keepWarm: false })
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'settings.json'), 'utf8')).encryptedToken).toBe(stored)
    expect((await openUnsealed(dir)).store.serviceSettings().token).toBe(TOKEN)
  })

  it('keeps the demo token in memory only and drops it when leaving demo mode', async () => {
    const dir = tempDir()
    const { store, file, notices } = open(dir)
    store.commit(store.prepareDemo('http://127.0.0.1:40000', 'demo-token-123'))
    expect(store.publicSettings()).toMatchObject({
      demo: true,
      tokenSet: true,
      serverUrl: 'http://127.0.0.1:40000',
    })
    expect(fs.readFileSync(file, 'utf8')).not.toContain('demo-token-123')
    expect(notices).toEqual([])

    // Other settings keep demo mode; another server leaves it, without the demo's token.
    expect((await store.update({ keepWarm: false })).demo).toBe(true)
    expect(await store.update({ serverUrl: 'http://10.0.0.2:32400' })).toMatchObject({
      demo: false,
      tokenSet: false,
    })
  })

  it('reads the file at once and leaves the saved token to the keychain, counting it as set meanwhile', async () => {
    const dir = tempDir()
    await open(dir).store.update({ serverUrl: 'http://10.0.0.2:32400', token: TOKEN, pageSize: 200 })
    const vault = keychain()
    const release = vault.holdDecryption()
    const { store, notices } = open(dir, vault)
    expect(store.tokenAwaitsKeychain).toBe(true)
    expect(store.publicSettings()).toMatchObject({
      serverUrl: 'http://10.0.0.2:32400',
      pageSize: 200,
      tokenSet: true,
      tokenStorage: 'encrypted',
    })
    expect(store.serviceSettings().token).toBeUndefined()

    const unsealing = store.unsealSavedToken()
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(vault.decryptCalls).toBe(1)
    expect(store.serviceSettings().token).toBeUndefined()
    release()
    const prepared = store.prepareUnsealed((await unsealing)!)
    expect(prepared?.token).toBe(TOKEN)
    store.commit(prepared!)
    expect(store.serviceSettings().token).toBe(TOKEN)
    expect(store.tokenAwaitsKeychain).toBe(false)
    expect(notices).toEqual([])
  })

  it('goes on without the token when the keychain refuses, says so, and keeps the stored copy', async () => {
    const dir = tempDir()
    await open(dir).store.update({ token: TOKEN })
    const stored = readStored(path.join(dir, 'settings.json')).encryptedToken
    const vault = keychain()
    vault.refuse = true
    const { store, file, notices } = open(dir, vault)
    await expect(store.unsealSavedToken()).resolves.toBeNull()
    expect(store.publicSettings()).toMatchObject({ tokenSet: false, tokenStorage: 'none' })
    expect(store.tokenAwaitsKeychain).toBe(false)
    expect(notices).toEqual([
      { level: 'warning', message: expect.stringContaining('could not be decrypted') },
    ])
    expect(readStored(file).encryptedToken).toBe(stored)
  })

  it('seals the token again when the keychain asks to (shouldReEncrypt), and writes nothing otherwise', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'settings.json')
    await open(dir).store.update({ token: TOKEN })
    const sealedWithOldKey = readStored(file).encryptedToken

    const rotated = keychain()
    rotated.keyVersion = 2
    const { store } = await openUnsealed(dir, rotated)
    expect(store.serviceSettings().token).toBe(TOKEN)
    const resealed = readStored(file).encryptedToken
    expect(resealed).not.toBe(sealedWithOldKey)
    expect(Buffer.from(resealed, 'base64').toString()).toMatch(/^key2:/)
    expect(fs.readFileSync(file, 'utf8')).not.toContain(TOKEN)

    // Sealed with the current key: the file is left alone (it is written aside and renamed, so a
    // write would give it a new inode).
    const inode = fs.statSync(file).ino
    const again = await openUnsealed(dir, rotated)
    expect(again.store.serviceSettings().token).toBe(TOKEN)
    expect(fs.statSync(file).ino).toBe(inode)
  })

  it('keeps a token set or removed while the keychain is asked, over the saved one', async () => {
    for (const replacement of ['tok-typed-meanwhile', null]) {
      const dir = tempDir()
      await open(dir).store.update({ token: TOKEN })
      const vault = keychain()
      const release = vault.holdDecryption()
      const { store, notices } = open(dir, vault)
      const unsealing = store.unsealSavedToken()
      await store.update({ token: replacement })
      release()
      expect(store.prepareUnsealed((await unsealing)!)).toBeNull()
      expect(store.serviceSettings().token).toBe(replacement ?? undefined)
      expect(store.publicSettings().tokenSet).toBe(replacement !== null)
      expect(notices).toEqual([])
    }

    // A refusal about a token already replaced is no news either.
    const dir = tempDir()
    await open(dir).store.update({ token: TOKEN })
    const vault = keychain()
    vault.refuse = true
    const release = vault.holdDecryption()
    const { store, notices } = open(dir, vault)
    const unsealing = store.unsealSavedToken()
    await store.update({ token: 'tok-typed-meanwhile' })
    release()
    await expect(unsealing).resolves.toBeNull()
    expect(notices).toEqual([])
    expect(store.serviceSettings().token).toBe('tok-typed-meanwhile')
  })

  it('validates a change before asking the keychain to seal its token', async () => {
    const vault = keychain()
    const { store } = open(tempDir(), vault)
    await expect(store.update({ token: TOKEN, pageSize: 1 })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    })
    expect(vault.encryptCalls).toBe(0)
  })
})
