import path from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { channelFor, EVENT_CHANNEL, OPERATION_NAMES } from '../../../src/shared/contract'
import { tempDir } from '../../support/temp-dir'
import { busClientsPath } from '../tray/stand-in-bus-clients'
import { bootMain, invokeFrom } from './boot-main'
import {
  FakeBrowserWindow,
  FakeTray,
  RecordedEvent,
  appRecorder,
  ipcMainRecorder,
  sessionRecorder,
} from './electron-recorder'

vi.mock('electron', async () => (await import('./electron-recorder')).electronModule)

const originalPath = process.env.PATH

afterAll(() => {
  delete process.env.PLEX_CACHE_DATA_DIR
  process.env.PATH = originalPath
})

describe('the main process, composed against the Electron stand-in', () => {
  it('starts, serves the window, keeps running in the tray and closes the cache on quit', async () => {
    const dataDir = tempDir('plex-cache-main-')
    // A desktop that shows tray icons: a StatusNotifier watcher owns its name on the session bus.
    process.env.PATH = `${busClientsPath({ 'dbus-send': { reply: true } })}${path.delimiter}${originalPath}`
    const window = await bootMain(dataDir)

    expect(appRecorder.getName()).toBe('Plex Cache')
    expect(appRecorder.getPath('userData')).toBe(dataDir)
    expect(appRecorder.appUserModelId).toBe(process.platform === 'win32' ? 'app.plexcache.desktop' : null)
    expect(FakeBrowserWindow.created).toHaveLength(1)
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    })
    expect(new Set(ipcMainRecorder.handlers.keys())).toEqual(new Set(OPERATION_NAMES.map(channelFor)))
    expect(FakeTray.created).toHaveLength(1)
    // Pinned certificates apply to net.fetch; nothing else overrides Chromium's certificate checks.
    expect(sessionRecorder.verifyProcs).toHaveLength(1)

    // A new user: no server, then the demo server at once.
    await expect(invokeFrom(window, 'getSettings')).resolves.toMatchObject({
      ok: true,
      value: { serverUrl: null, demo: false },
    })
    const demo = await invokeFrom(window, 'useDemoServer')
    expect(demo).toMatchObject({ ok: true, value: { demo: true } })
    const libraries = await invokeFrom(window, 'listLibraries')
    expect(libraries).toMatchObject({
      ok: true,
      value: [{ title: 'Movies' }, { title: 'TV Shows' }, { title: 'Music' }, { title: 'Photos' }],
    })
    expect(window.webContents.sent.some((sent) => sent.channel === EVENT_CHANNEL)).toBe(true)
    expect(JSON.stringify(window.webContents.sent)).not.toContain('"token"')

    // Closing the window hides it: the app lives on in the tray.
    window.close()
    expect(window.destroyed).toBe(false)
    expect(window.visible).toBe(false)

    // Quitting closes the controller (and with it the demo server) before the app exits.
    const demoUrl = (demo as { value: { serverUrl: string } }).value.serverUrl
    const willQuit = new RecordedEvent()
    appRecorder.emit('before-quit', new RecordedEvent())
    appRecorder.emit('will-quit', willQuit)
    expect(willQuit.defaultPrevented).toBe(true)
    const deadline = Date.now() + 10_000
    while (appRecorder.quitCalls === 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 10))
    expect(appRecorder.quitCalls).toBe(1)
    expect(appRecorder.exitCode).toBeNull()
    expect(ipcMainRecorder.handlers.size).toBe(0)
    expect(FakeTray.created[0]?.destroyed).toBe(true)
    await expect(fetch(`${demoUrl}/identity`)).rejects.toThrow()

    // Once quitting, closing the window really closes it.
    window.close()
    expect(window.destroyed).toBe(true)
  })
})
