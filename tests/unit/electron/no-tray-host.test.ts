import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { tempDir } from '../../support/temp-dir'
import { busClientsPath } from '../tray/stand-in-bus-clients'
import { bootMain } from './boot-main'
import { FakeTray, appRecorder } from './electron-recorder'

vi.mock('electron', async () => (await import('./electron-recorder')).electronModule)

const originalPath = process.env.PATH

afterAll(() => {
  delete process.env.PLEX_CACHE_DATA_DIR
  process.env.PATH = originalPath
})

describe('a Linux desktop with no tray host (GNOME without the AppIndicator extension)', () => {
  it('shows the window despite startInTray, and quits when it is closed', async () => {
    const dataDir = tempDir('plex-cache-main-')
    fs.writeFileSync(path.join(dataDir, 'settings.json'), JSON.stringify({ version: 1, startInTray: true }))
    process.env.PATH = `${busClientsPath({ 'dbus-send': { reply: false } })}${path.delimiter}${originalPath}`
    const window = await bootMain(dataDir)
    // Electron made its Tray all the same; nothing shows it.
    expect(FakeTray.created).toHaveLength(1)
    window.emit('ready-to-show')
    expect(window.visible).toBe(true)

    window.close()
    expect(window.destroyed).toBe(true)
    appRecorder.emit('window-all-closed')
    const deadline = Date.now() + 10_000
    while (appRecorder.quitCalls < 2 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 10))
    expect(appRecorder.quitCalls).toBe(2)
  })
})
