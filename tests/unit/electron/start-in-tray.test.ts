import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { tempDir } from '../../support/temp-dir'
import { busClientsPath } from '../tray/stand-in-bus-clients'
import { bootMain } from './boot-main'
import { appRecorder } from './electron-recorder'

vi.mock('electron', async () => (await import('./electron-recorder')).electronModule)

const originalPath = process.env.PATH

afterAll(() => {
  delete process.env.PLEX_CACHE_DATA_DIR
  process.env.PATH = originalPath
})

describe('startInTray', () => {
  it('makes the window but leaves it hidden when the app starts', async () => {
    const dataDir = tempDir('plex-cache-main-')
    fs.writeFileSync(path.join(dataDir, 'settings.json'), JSON.stringify({ version: 1, startInTray: true }))
    // A desktop that shows tray icons: a StatusNotifier watcher owns its name on the session bus.
    process.env.PATH = `${busClientsPath({ 'dbus-send': { reply: true } })}${path.delimiter}${originalPath}`
    const window = await bootMain(dataDir)
    window.emit('ready-to-show')
    expect(window.visible).toBe(false)

    // A second launch brings it forward instead.
    appRecorder.emit('second-instance')
    expect(window.visible).toBe(true)
    // Quit, and wait until the cache is closed (main quits again once it is).
    appRecorder.quit()
    const deadline = Date.now() + 10_000
    while (appRecorder.quitCalls < 2 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 10))
    expect(appRecorder.quitCalls).toBe(2)
  })
})
