import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { SettingsStore } from '../../../src/main/settings'
import type { EventMessage } from '../../../src/shared/contract'
import { fakePlex } from '../../support/fake-plex'
import { tempDir } from '../../support/temp-dir'
import { openController } from './support'
import { TestKeychain } from './test-keychain'

const DATASET = { movies: 12, shows: 1, seasonsPerShow: 1, episodesPerSeason: 2, artists: 1, photos: 0 }

/** A data folder whose settings hold a server and its token, sealed by a TestKeychain. */
async function savedConnection(token?: string) {
  const fake = await fakePlex({ dataset: DATASET })
  const dataDir = tempDir('plex-cache-app-')
  const first = new SettingsStore({ file: path.join(dataDir, 'settings.json'), vault: new TestKeychain() })
  await first.update({ serverUrl: fake.url, token: token ?? fake.token })
  return { fake, dataDir }
}

const settingsEvents = (events: EventMessage[]) => events.filter((message) => message.event === 'settings')

describe('the saved token at start-up', () => {
  it('does not hold up start-up while the keychain waits on the user, and connects once it answers', async () => {
    const { fake, dataDir } = await savedConnection()
    const vault = new TestKeychain()
    const answerPrompt = vault.holdDecryption()

    const { controller, events } = await openController({ dataDir, vault, waitForSavedToken: false })
    expect(vault.decryptCalls).toBe(1)
    await expect(controller.run('getSettings', undefined)).resolves.toMatchObject({
      serverUrl: fake.url,
      tokenSet: true,
      tokenStorage: 'encrypted',
    })
    await expect(controller.run('stats', undefined)).resolves.toMatchObject({ hits: 0 })
    // No token yet, so nothing is asked of Plex.
    await expect(controller.run('listLibraries', undefined)).rejects.toMatchObject({ code: 'NOT_CONFIGURED' })

    answerPrompt()
    await vi.waitFor(() => expect(settingsEvents(events)).toHaveLength(1))
    const libraries = await controller.run('listLibraries', undefined)
    expect(libraries.map((library) => library.title)).toContain('Movies')
    expect(JSON.stringify(events)).not.toContain(fake.token)
  })

  it('goes on without the token when the keychain refuses, and says so', async () => {
    const { fake, dataDir } = await savedConnection()
    const vault = new TestKeychain()
    vault.refuse = true
    const { controller, events } = await openController({ dataDir, vault, waitForSavedToken: false })

    await vi.waitFor(() => expect(settingsEvents(events)).toHaveLength(1))
    expect(settingsEvents(events)[0]?.payload).toMatchObject({ serverUrl: fake.url, tokenSet: false })
    expect(events).toContainEqual({
      event: 'notice',
      payload: { level: 'warning', message: expect.stringContaining('could not be decrypted') },
    })
    await expect(controller.run('listLibraries', undefined)).rejects.toMatchObject({ code: 'NOT_CONFIGURED' })
    // The app still works: a token typed now connects it.
    await controller.run('setSettings', { token: fake.token })
    await expect(controller.run('listLibraries', undefined)).resolves.toHaveLength(4)
  })

  it('keeps a token typed while the keychain was still asked', async () => {
    const { fake, dataDir } = await savedConnection('stale-token-from-last-week')
    const vault = new TestKeychain()
    const answerPrompt = vault.holdDecryption()
    const { controller, events } = await openController({ dataDir, vault, waitForSavedToken: false })

    await controller.run('setSettings', { token: fake.token })
    answerPrompt()
    await vi.waitFor(() => expect(settingsEvents(events)).toHaveLength(2))
    await expect(controller.run('listLibraries', undefined)).resolves.toHaveLength(4)
  })

  it('closes at once even while the keychain never answers', async () => {
    const { dataDir } = await savedConnection()
    const vault = new TestKeychain()
    vault.holdDecryption()
    const { controller } = await openController({ dataDir, vault, waitForSavedToken: false })
    const started = Date.now()
    await controller.close()
    expect(Date.now() - started).toBeLessThan(2000)
  })
})
