import fs from 'node:fs'
import path from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { SettingsStore } from '../../../src/main/settings'
import { systemVault } from '../../../src/main/system-vault'
import type { EventMessage } from '../../../src/shared/contract'
import { fakePlex } from '../../support/fake-plex'
import { tempDir } from '../../support/temp-dir'
import { safeStorageRecorder } from '../electron/electron-recorder'
import { openController } from './support'

vi.mock('electron', async () => (await import('../electron/electron-recorder')).electronModule)

beforeEach(() => safeStorageRecorder.reset())

const DATASET = { movies: 8, shows: 1, seasonsPerShow: 1, episodesPerSeason: 1, artists: 1, photos: 0 }

describe('systemVault', () => {
  it("counts Linux's basic_text backend, or no keychain at all, as no encryption", async () => {
    await expect(systemVault('linux').isEncryptionAvailable()).resolves.toBe(true)
    safeStorageRecorder.backend = 'basic_text'
    await expect(systemVault('linux').isEncryptionAvailable()).resolves.toBe(false)
    // The backend name means nothing elsewhere.
    await expect(systemVault('darwin').isEncryptionAvailable()).resolves.toBe(true)
    safeStorageRecorder.backend = 'gnome_libsecret'
    safeStorageRecorder.available = false
    for (const platform of ['linux', 'darwin', 'win32'] as const)
      await expect(systemVault(platform).isEncryptionAvailable()).resolves.toBe(false)
  })

  it('seals and opens through the asynchronous calls only, passing on shouldReEncrypt', async () => {
    const vault = systemVault('linux')
    const sealed = await vault.encrypt('tok-a1b2')
    expect(sealed.toString()).not.toContain('tok-a1b2')
    await expect(vault.decrypt(sealed)).resolves.toEqual({ plain: 'tok-a1b2', shouldReEncrypt: false })
    safeStorageRecorder.shouldReEncrypt = true
    await expect(vault.decrypt(sealed)).resolves.toEqual({ plain: 'tok-a1b2', shouldReEncrypt: true })
    expect(safeStorageRecorder.syncCalls).toEqual([])
  })
})

describe('start-up with the system keychain', () => {
  async function savedConnection() {
    const fake = await fakePlex({ dataset: DATASET })
    const dataDir = tempDir('plex-cache-vault-')
    const file = path.join(dataDir, 'settings.json')
    await new SettingsStore({ file, vault: systemVault() }).update({ serverUrl: fake.url, token: fake.token })
    expect(fs.readFileSync(file, 'utf8')).not.toContain(fake.token)
    return { fake, dataDir, file }
  }

  it('answers at once while the keychain prompt hangs, and connects when it is answered', async () => {
    const { dataDir } = await savedConnection()
    safeStorageRecorder.decryptMode = 'hang'
    const { controller, events } = await openController({
      dataDir,
      vault: systemVault(),
      waitForSavedToken: false,
    })

    await expect(controller.run('getSettings', undefined)).resolves.toMatchObject({ tokenSet: true })
    await expect(controller.run('listLibraries', undefined)).rejects.toMatchObject({ code: 'NOT_CONFIGURED' })
    expect(safeStorageRecorder.hangingDecrypts).toHaveLength(1)

    safeStorageRecorder.answerHangingDecrypts()
    await vi.waitFor(() => expect(events.some((message) => message.event === 'settings')).toBe(true))
    await expect(controller.run('listLibraries', undefined)).resolves.toHaveLength(4)
    expect(safeStorageRecorder.syncCalls).toEqual([])
  })

  it('stores a freshly sealed copy when safeStorage asks for one', async () => {
    const { fake, dataDir, file } = await savedConnection()
    const before = JSON.parse(fs.readFileSync(file, 'utf8')).encryptedToken
    safeStorageRecorder.shouldReEncrypt = true
    // As after a key rotation, the fresh copy differs from the old one (and still opens).
    const encrypt = vi
      .spyOn(safeStorageRecorder, 'encryptStringAsync')
      .mockImplementation(async (plain) =>
        Buffer.from(`sealed:${Buffer.from(plain).toString('hex').toUpperCase()}`),
      )
    const { controller, events } = await openController({
      dataDir,
      vault: systemVault(),
      waitForSavedToken: false,
    })
    await vi.waitFor(() => expect(events.some((message) => message.event === 'settings')).toBe(true))

    expect(encrypt).toHaveBeenCalledTimes(1)
    const after = JSON.parse(fs.readFileSync(file, 'utf8')).encryptedToken
    expect(after).not.toBe(before)
    expect(Buffer.from(after, 'base64').toString()).toMatch(/^sealed:[0-9A-F]+$/)
    expect(fs.readFileSync(file, 'utf8')).not.toContain(fake.token)
    await expect(controller.run('listLibraries', undefined)).resolves.toHaveLength(4)
  })

  it('runs on without the token when the keychain refuses, with a notice', async () => {
    const { dataDir } = await savedConnection()
    safeStorageRecorder.decryptMode = 'refuse'
    const { controller, events } = await openController({
      dataDir,
      vault: systemVault(),
      waitForSavedToken: false,
    })
    const notices = () => events.filter((message: EventMessage) => message.event === 'notice')
    await vi.waitFor(() => expect(notices()).toHaveLength(1))
    expect(notices()[0]?.payload).toMatchObject({
      message: expect.stringContaining('could not be decrypted'),
    })
    await expect(controller.run('getSettings', undefined)).resolves.toMatchObject({ tokenSet: false })
  })
})
