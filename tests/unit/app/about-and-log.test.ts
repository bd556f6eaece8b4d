import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createHandlerTable } from '../../../src/main/ipc/handler-table'
import { createFileLogger } from '../../../src/main/log/log-file'
import type { ShellPaths } from '../../../src/main/local-paths'
import { fakePlex } from '../../support/fake-plex'
import { tempDir } from '../../support/temp-dir'
import { openController } from './support'

const TOKEN = 'TOKEN-about-and-log-6b1f0c2e9d'
const DATASET = { movies: 30, shows: 1, seasonsPerShow: 1, episodesPerSeason: 2, artists: 1, photos: 2 }

function recordingShell() {
  const opened: string[] = []
  const shellPaths: ShellPaths = {
    openPath: async (target) => {
      opened.push(`open ${target}`)
      return ''
    },
    showItemInFolder: (target) => opened.push(`show ${target}`),
  }
  return { shellPaths, opened }
}

describe('About through the handler table', () => {
  it("gives this process's versions, the data folder and the log file, and opens only those two", async () => {
    const dataDir = tempDir()
    const { shellPaths, opened } = recordingShell()
    const { controller } = await openController({ dataDir, appVersion: '1.2.3', shellPaths })
    const table = createHandlerTable(controller)
    expect(await table.getAbout({})).toEqual({
      ok: true,
      value: {
        appVersion: '1.2.3',
        // Plain Node here, as in the browser bridge: no Electron, no Chromium.
        electronVersion: null,
        chromiumVersion: null,
        nodeVersion: process.versions.node,
        dataDir,
        logFile: path.join(dataDir, 'logs', 'plex-cache.log'),
      },
    })
    expect(await table.openDataFolder({})).toEqual({ ok: true, value: { opened: true } })
    expect(await table.showLogFile(undefined)).toEqual({ ok: true, value: { opened: true } })
    expect(await table.openDataFolder({ path: '/etc' })).toMatchObject({ ok: false })
    expect(opened).toEqual([`open ${dataDir}`, `show ${path.join(dataDir, 'logs', 'plex-cache.log')}`])
  })
})

describe('the main process log', () => {
  it('records refreshes, revalidations, failures, connection changes and evictions, and never the token', async () => {
    const fake = await fakePlex({ dataset: DATASET, token: TOKEN })
    const dataDir = tempDir()
    const logger = createFileLogger({ dataDir })
    const { controller } = await openController({ dataDir, logger, appVersion: '9.9.9' })
    const table = createHandlerTable(controller, () => {})
    expect(await table.setSettings({ serverUrl: fake.url, token: TOKEN, pageSize: 50 })).toMatchObject({
      ok: true,
    })
    expect(await table.refreshAll({ force: true })).toMatchObject({ ok: true })
    expect(await table.refreshLibrary({ library: '1' })).toMatchObject({ ok: true })
    expect(await table.clearLibrary({ library: '2' })).toMatchObject({ ok: true })
    await table.testConnection({ url: fake.url, token: `${TOKEN}-wrong` })
    fake.controls.setMaintenance(true)
    await table.refreshLibrary({ library: '1', force: true })
    await table.connectionStatus({ check: true })
    fake.controls.setMaintenance(false)
    await table.connectionStatus({ check: true })
    await table.setSettings({ token: null })
    await controller.close()

    const text = fs.readFileSync(logger.file, 'utf8')
    expect(text).toContain('Plex Cache 9.9.9 starting')
    expect(text).toContain(`Server set to ${fake.url}`)
    expect(text).toMatch(/Fetched "Movies" \(1\) from Plex: 30 items/)
    expect(text).toMatch(/Revalidated "Movies" \(1\): unchanged/)
    expect(text).toMatch(/Evicted \d+ cache entr(y|ies) \(cleared\)/)
    expect(text).toMatch(/\[warn\] Refreshing "Movies" \(1\) failed/)
    expect(text).toMatch(/\[warn\] Connection: offline/)
    expect(text).toContain('The Plex token was forgotten')
    expect(text).toContain('Plex Cache stopped')
    expect(text).not.toContain(TOKEN)
  })
})
