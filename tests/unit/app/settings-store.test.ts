import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ServiceError } from '../../../src/main/service'
import { SettingsStore, type TokenVault } from '../../../src/main/settings'
import type { Notice } from '../../../src/main/settings'
import { tempDir } from '../../support/temp-dir'

const TOKEN = 'tok-4f1d9c2a-very-secret'

/** Plays the OS keychain's part (Electron's safeStorage): reversible, but not plain text on disk. */
function keychain(available = true): TokenVault {
  return {
    isEncryptionAvailable: () => available,
    encrypt: (plain) => Buffer.from([...Buffer.from(plain)].map((byte) => byte ^ 0x5a)),
    decrypt: (data) => Buffer.from([...data].map((byte) => byte ^ 0x5a)).toString(),
  }
}

function open(dir: string, vault: TokenVault | null = keychain()) {
  const file = path.join(dir, 'settings.json')
  const store = new SettingsStore({ file, vault })
  const notices: Notice[] = []
  store.onNotice((notice) => notices.push(notice))
  return { store, file, notices }
}

describe('SettingsStore', () => {
  it('starts from the defaults with no file, and writes none until something changes', () => {
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
      startInTray: false,
    })
    expect(store.serviceSettings()).toMatchObject({ serverUrl: undefined, token: undefined })
    expect(fs.existsSync(file)).toBe(false)
    expect(notices).toEqual([])
  })

  it('persists changes, with the token encrypted, across a new store', () => {
    const dir = tempDir()
    const first = open(dir)
    first.store.update({
      serverUrl: 'http://192.168.1.5:32400',
      token: TOKEN,
      libraryTtlSeconds: 600,
      startInTray: true,
    })
    const onDisk = fs.readFileSync(first.file, 'utf8')
    expect(onDisk).not.toContain(TOKEN)
    expect(JSON.parse(onDisk).encryptedToken).toEqual(expect.any(String))

    const second = open(dir)
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

  it('refuses invalid values with INVALID_ARGUMENT and saves nothing', () => {
    const { store, file } = open(tempDir())
    store.update({ pageSize: 200 })
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
        store.update(change as never)
      } catch (error) {
        thrown = error
      }
      expect(thrown, JSON.stringify(change)).toBeInstanceOf(ServiceError)
      expect((thrown as ServiceError).code).toBe('INVALID_ARGUMENT')
    }
    expect(fs.readFileSync(file, 'utf8')).toBe(before)
    expect(store.publicSettings().pageSize).toBe(200)
  })

  it('forgets the token on null or an empty string', () => {
    const { store } = open(tempDir())
    store.update({ token: TOKEN })
    expect(store.update({ token: null })).toMatchObject({ tokenSet: false, tokenStorage: 'none' })
    store.update({ token: TOKEN })
    expect(store.update({ token: '' })).toMatchObject({ tokenSet: false })
  })

  it('recovers from a damaged file: defaults, the file moved aside, and a notice', () => {
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
      store.update({ keepWarm: false })
      expect(open(dir).store.publicSettings().keepWarm).toBe(false)
    }
  })

  it('keeps the token for the session only when encryption is unavailable, and says so', () => {
    for (const vault of [null, keychain(false)]) {
      const dir = tempDir()
      const { store, file, notices } = open(dir, vault)
      const settings = store.update({ serverUrl: 'http://10.0.0.2:32400', token: TOKEN })
      expect(settings).toMatchObject({ tokenSet: true, tokenStorage: 'session' })
      expect(store.serviceSettings().token).toBe(TOKEN)
      expect(fs.readFileSync(file, 'utf8')).not.toContain(TOKEN)
      expect(JSON.parse(fs.readFileSync(file, 'utf8')).encryptedToken).toBeNull()
      expect(notices).toEqual([
        { level: 'warning', message: expect.stringContaining('only until Plex Cache quits') },
      ])

      // The next launch has the URL but no token.
      expect(open(dir, vault).store.publicSettings()).toMatchObject({
        serverUrl: 'http://10.0.0.2:32400',
        tokenSet: false,
      })
    }
  })

  it('says so when a saved token cannot be decrypted, and keeps the encrypted copy', () => {
    const dir = tempDir()
    open(dir).store.update({ token: TOKEN })
    const stored = JSON.parse(fs.readFileSync(path.join(dir, 'settings.json'), 'utf8')).encryptedToken
    const later = open(dir, keychain(false))
    expect(later.store.publicSettings().tokenSet).toBe(false)
    expect(later.notices).toEqual([
      { level: 'warning', message: expect.stringContaining('could not be decrypted') },
    ])
    later.store.update({ keepWarm: false })
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'settings.json'), 'utf8')).encryptedToken).toBe(stored)
    expect(open(dir).store.serviceSettings().token).toBe(TOKEN)
  })

  it('keeps the demo token in memory only and drops it when leaving demo mode', () => {
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
    expect(store.update({ keepWarm: false }).demo).toBe(true)
    expect(store.update({ serverUrl: 'http://10.0.0.2:32400' })).toMatchObject({
      demo: false,
      tokenSet: false,
    })
  })
})
