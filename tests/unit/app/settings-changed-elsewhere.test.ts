import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { SettingsStore, sharedTokenVault } from '../../../src/main/settings'
import { fakePlex } from '../../support/fake-plex'
import { runCli } from '../cli/run-cli'
import { tempDir } from '../../support/temp-dir'
import { openController } from './support'

const DATASET = { movies: 5, shows: 0, artists: 0, photos: 0 }

describe('settings changed outside the running app', () => {
  it('a change made by the CLI process applies to the running service', async () => {
    const plex = await fakePlex({ dataset: DATASET })
    const { controller, events, dataDir } = await openController()
    await controller.run('setSettings', { serverUrl: plex.url, token: plex.token })

    const run = await runCli(['settings', 'set', 'libraryTtlSeconds', '2h', '--data-dir', dataDir])
    expect(run.status, run.stderr).toBe(0)
    await vi.waitFor(async () =>
      expect((await controller.run('getSettings', undefined)).libraryTtlSeconds).toBe(7200),
    )
    expect(events).toContainEqual({
      event: 'settings',
      payload: expect.objectContaining({ libraryTtlSeconds: 7200 }),
    })
    // The service itself took it: a library fetched now lives for the new two hours.
    const refreshed = await controller.run('refreshLibrary', { library: '1' })
    expect(refreshed.outcome).toBe('fetched')
    const row = (await controller.run('listLibraries', undefined)).find((library) => library.key === '1')!
    expect(row.expiresAt! - row.fetchedAt!).toBe(7200 * 1000)
    // The token survived a change that did not touch the server.
    expect((await controller.run('getSettings', undefined)).tokenSet).toBe(true)
  })

  it('a new server set by another store drops the running app token, which is never sent there', async () => {
    const plex = await fakePlex({ dataset: DATASET })
    const { controller, dataDir } = await openController()
    await controller.run('setSettings', { serverUrl: plex.url, token: plex.token })

    const elsewhere = new SettingsStore({ file: path.join(dataDir, 'settings.json'), vault: null })
    await elsewhere.update({ serverUrl: 'http://127.0.0.1:9' })
    await vi.waitFor(async () =>
      expect(await controller.run('getSettings', undefined)).toMatchObject({
        serverUrl: 'http://127.0.0.1:9',
        tokenSet: false,
      }),
    )
    await expect(controller.run('listLibraries', undefined)).rejects.toMatchObject({ code: 'NOT_CONFIGURED' })
  })

  it('a token saved anew for the same server by another process (plex-cache login) replaces the running one', async () => {
    const plex = await fakePlex({ dataset: DATASET })
    const dataDir = tempDir('plex-cache-app-')
    // Both sides keep the token in the same owner-only file, as on a machine without a keychain.
    const vault = () =>
      sharedTokenVault({ keychain: null, tokenFile: path.join(dataDir, 'token'), legacy: null })
    const { controller } = await openController({ dataDir, vault: vault() })
    await controller.run('setSettings', { serverUrl: plex.url, token: 'an-old-revoked-token' })
    await expect(controller.run('refreshLibrary', { library: '1' })).rejects.toMatchObject({ code: 'AUTH' })

    const elsewhere = new SettingsStore({ file: path.join(dataDir, 'settings.json'), vault: vault() })
    await elsewhere.update({ serverUrl: plex.url, token: plex.token })
    await vi.waitFor(async () => {
      const refreshed = await controller.run('refreshLibrary', { library: '1' })
      expect(refreshed.outcome).toBe('fetched')
    })
  })

  it('ignores its own saves and a file another writer left unreadable', async () => {
    const { controller, events, dataDir } = await openController()
    await controller.run('setSettings', { pageSize: 300 })
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(events.filter((message) => message.event === 'settings')).toHaveLength(1)

    const { writeFileSync } = await import('node:fs')
    writeFileSync(path.join(dataDir, 'settings.json'), '{ half')
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect((await controller.run('getSettings', undefined)).pageSize).toBe(300)
  })
})
