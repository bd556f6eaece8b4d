import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { SettingsStore } from '../../../src/main/settings'
import { fakePlex } from '../../support/fake-plex'
import { tempDir } from '../../support/temp-dir'
import { TestKeychain } from '../app/test-keychain'
import { json, runCli } from './run-cli'

const TOKEN = 'cli-settings-secret-token'

const appStore = (dataDir: string, vault = new TestKeychain()) =>
  new SettingsStore({ file: path.join(dataDir, 'settings.json'), vault })

describe('plex-cache settings', () => {
  it('lists every setting of the shared file, as text and as JSON', async () => {
    const dataDir = tempDir()
    await appStore(dataDir).update({ serverUrl: 'http://10.0.0.9:32400', pageSize: 250 })
    const text = await runCli(['settings', '--data-dir', dataDir])
    expect(text.status).toBe(0)
    expect(text.stdout).toMatch(/serverUrl +http:\/\/10\.0\.0\.9:32400 +Plex server/)
    expect(text.stdout).toMatch(/pageSize +250 items +Page size/)
    expect(text.stdout).toMatch(/libraryTtlSeconds +1 hour +Library time to live/)
    const listed = json<Record<string, unknown>>(await runCli(['settings', '--json', '--data-dir', dataDir]))
    expect(listed).toMatchObject({ serverUrl: 'http://10.0.0.9:32400', pageSize: 250, tokenSet: false })
  })

  it('changes a setting the running app then reads, in the units a person types', async () => {
    const dataDir = tempDir()
    const set = (key: string, value: string) => runCli(['settings', 'set', key, value, '--data-dir', dataDir])
    expect((await set('libraryTtlSeconds', '2h')).status).toBe(0)
    expect((await set('sizeLimitBytes', '250')).stdout).toMatch(/sizeLimitBytes +250 MB/)
    expect((await set('keepWarm', 'off')).status).toBe(0)
    expect(appStore(dataDir).publicSettings()).toMatchObject({
      libraryTtlSeconds: 7200,
      sizeLimitBytes: 250 * 1024 * 1024,
      keepWarm: false,
    })
  })

  it("refuses a bad value with the window's sentence and changes nothing", async () => {
    const dataDir = tempDir()
    const file = path.join(dataDir, 'settings.json')
    const set = (key: string, value: string) => runCli(['settings', 'set', key, value, '--data-dir', dataDir])
    const cases: Array<[string, string, string]> = [
      ['libraryTtlSeconds', '30', 'libraryTtlSeconds: At least 1 minute.'],
      ['staleWhileRevalidateSeconds', '8d', 'staleWhileRevalidateSeconds: At most 7 days.'],
      ['sizeLimitBytes', '0', 'sizeLimitBytes: At least 1 megabyte.'],
      ['pageSize', '10.5', 'pageSize: Use a whole number of items.'],
      // Number() would read these as 16 hours and 1000 MB; a person never means that.
      [
        'libraryTtlSeconds',
        '0x10',
        'libraryTtlSeconds: Enter a number, optionally followed by s, m, h or d.',
      ],
      ['sizeLimitBytes', '1e3', 'sizeLimitBytes: Enter a number in plain digits'],
      ['pageSize', 'Infinity', 'pageSize: Enter a number in plain digits'],
      ['keepWarm', 'maybe', 'keepWarm: Enter on or off.'],
      ['serverUrl', 'ftp://x', 'serverUrl: Enter the address with http:// or https://'],
      ['colour', 'blue', '"colour" is not a setting.'],
    ]
    for (const [key, value, message] of cases) {
      const run = await set(key, value)
      expect(run.status, key).toBe(2)
      expect(run.stderr).toContain(message)
      expect(fs.existsSync(file)).toBe(false)
    }
  })

  it('uses the saved server when no --server or PLEX_URL is given, and they still override it', async () => {
    const plex = await fakePlex({ token: TOKEN, dataset: { movies: 3, shows: 0, artists: 0, photos: 0 } })
    const dataDir = tempDir()
    await appStore(dataDir).update({ serverUrl: plex.url })
    const libraries = await runCli(['libraries', '--json', '--data-dir', dataDir], {
      env: { PLEX_TOKEN: TOKEN },
    })
    expect(libraries.status, libraries.stderr).toBe(0)
    expect(json<Array<{ title: string }>>(libraries).map((row) => row.title)).toContain('Movies')

    const elsewhere = await runCli(['libraries', '--data-dir', dataDir, '--server', 'http://127.0.0.1:9'], {
      env: { PLEX_TOKEN: TOKEN },
    })
    expect(elsewhere.status).toBe(1)
  })

  it('drops the saved token when the server changes, says so, and never sends it to the new server', async () => {
    const dataDir = tempDir()
    await appStore(dataDir).update({ serverUrl: 'http://10.0.0.1:32400', token: TOKEN })
    const before = JSON.parse(fs.readFileSync(path.join(dataDir, 'settings.json'), 'utf8'))
    expect(before.encryptedToken).not.toBeNull()

    const run = await runCli(['settings', 'set', 'serverUrl', 'http://10.0.0.2:32400', '--data-dir', dataDir])
    expect(run.status).toBe(0)
    expect(run.stderr).toContain('The saved Plex token was removed')
    expect(run.stdout).toMatch(/token +not set/)
    expect(run.stdout + run.stderr).not.toContain(TOKEN)
    const after = appStore(dataDir).publicSettings()
    expect(after).toMatchObject({ serverUrl: 'http://10.0.0.2:32400', tokenSet: false })
  })
})
