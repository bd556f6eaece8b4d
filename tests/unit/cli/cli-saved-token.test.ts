import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openSharedSettings, SettingsStore, sharedTokenVault } from '../../../src/main/settings'
import { fakePlex } from '../../support/fake-plex'
import { tempDir } from '../../support/temp-dir'
import { openController } from '../app/support'
import { TestKeychain } from '../app/test-keychain'
import { json, runCli } from './run-cli'

const DATASET = { movies: 4, shows: 0, artists: 0, photos: 0 }
const servers: http.Server[] = []
afterEach(() => servers.splice(0).forEach((server) => server.close()))

const titles = (run: Awaited<ReturnType<typeof runCli>>) =>
  json<Array<{ title: string }>>(run).map((row) => row.title)

describe('the CLI uses the server and token the app saved', () => {
  it('plex-cache libraries needs no flags once the app is connected', async () => {
    const plex = await fakePlex({ dataset: DATASET })
    const dataDir = tempDir()
    // The app's own store on this machine: no keychain answers here, so the token file.
    await openSharedSettings(dataDir, null).update({ serverUrl: plex.url, token: plex.token })

    const run = await runCli(['libraries', '--json', '--data-dir', dataDir])
    expect(run.status, run.stderr).toBe(0)
    expect(titles(run)).toContain('Movies')
    expect(run.stdout + run.stderr).not.toContain(plex.token)

    // Said plainly: the file is not encrypted.
    const listed = await runCli(['settings', '--data-dir', dataDir])
    expect(listed.stdout).toMatch(/token +set, unencrypted in an owner-only file/)
    expect(listed.stdout).not.toContain(plex.token)
  })

  it('never sends the saved token to a server named by --server', async () => {
    const plex = await fakePlex({ dataset: DATASET })
    const dataDir = tempDir()
    await openSharedSettings(dataDir, null).update({ serverUrl: plex.url, token: plex.token })
    const seen: string[] = []
    const other = http.createServer((request, response) => {
      seen.push(`${request.url} ${JSON.stringify(request.headers)}`)
      response.writeHead(401).end()
    })
    servers.push(other)
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve))
    const url = `http://127.0.0.1:${(other.address() as AddressInfo).port}`

    const run = await runCli(['libraries', '--server', url, '--data-dir', dataDir])
    expect(run.status).toBe(1)
    expect(seen.join('\n')).not.toContain(plex.token)
  })

  it('a token an earlier app sealed with safeStorage is readable by the CLI once the app has run', async () => {
    const plex = await fakePlex({ dataset: DATASET })
    const dataDir = tempDir()
    const file = path.join(dataDir, 'settings.json')
    const safeStorage = new TestKeychain()
    await new SettingsStore({ file, vault: safeStorage }).update({ serverUrl: plex.url, token: plex.token })

    const before = await runCli(['libraries', '--data-dir', dataDir])
    expect(before.status).toBe(1)
    expect(before.stderr).toContain('start the app once')

    // The app starts, with safeStorage as the legacy vault, and moves the token.
    const vault = sharedTokenVault({
      keychain: null,
      tokenFile: path.join(dataDir, 'token'),
      legacy: safeStorage,
    })
    const { controller } = await openController({
      dataDir,
      settingsStore: new SettingsStore({ file, vault }),
    })
    expect(await controller.run('getSettings', undefined)).toMatchObject({
      tokenSet: true,
      tokenStorage: 'file',
    })

    const after = await runCli(['libraries', '--json', '--data-dir', dataDir])
    expect(after.status, after.stderr).toBe(0)
    expect(titles(after)).toContain('Movies')
  })
})
