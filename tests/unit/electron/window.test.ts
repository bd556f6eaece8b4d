import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { FakeBrowserWindow, RecordedEvent, appRecorder, shellRecorder } from './electron-recorder'

vi.mock('electron', async () => (await import('./electron-recorder')).electronModule)

const { createAppWindow, rendererLocation } = await import('../../../src/main/window')

function lastWindow(): FakeBrowserWindow {
  const window = FakeBrowserWindow.created.at(-1)
  if (!window) throw new Error('no window was created')
  return window
}

beforeEach(() => {
  FakeBrowserWindow.created.length = 0
  shellRecorder.opened.length = 0
  appRecorder.isPackaged = false
  delete process.env.ELECTRON_RENDERER_URL
})

afterEach(() => {
  delete process.env.ELECTRON_RENDERER_URL
})

describe('createAppWindow hardens every window', () => {
  it('creates the window with the hardening options and our preload', () => {
    createAppWindow({ width: 800, height: 600 })
    const prefs = lastWindow().options.webPreferences as Record<string, unknown>
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    })
    expect(prefs.preload).toBe('/opt/plex-cache/out/preload/index.cjs')
    expect(lastWindow().loadedUrl).toBe('app://plex-cache/index.html')
    expect(lastWindow().loadedFile).toBeNull()
  })

  it('applies the same options to every window it makes', () => {
    createAppWindow({ width: 800, height: 600 })
    createAppWindow({ width: 400, height: 300, showWhenReady: false })
    const [first, second] = FakeBrowserWindow.created
    expect(second?.options.webPreferences).toEqual(first?.options.webPreferences)
  })

  it('blocks navigation away from the page and hands web links to the browser', () => {
    createAppWindow({ width: 800, height: 600 })
    const { webContents } = lastWindow()
    webContents.finishLoading('app://plex-cache/index.html')

    const away = new RecordedEvent('https://example.com/')
    webContents.emit('will-navigate', away)
    expect(away.defaultPrevented).toBe(true)
    expect(shellRecorder.opened).toEqual(['https://example.com/'])

    const local = new RecordedEvent('file:///etc/passwd')
    webContents.emit('will-navigate', local)
    expect(local.defaultPrevented).toBe(true)
    expect(shellRecorder.opened).toEqual(['https://example.com/'])

    const ownFiles = new RecordedEvent('app://plex-cache/assets/icon.png')
    webContents.emit('will-navigate', ownFiles)
    expect(ownFiles.defaultPrevented).toBe(true)

    const reload = new RecordedEvent('app://plex-cache/index.html')
    webContents.emit('will-navigate', reload)
    expect(reload.defaultPrevented).toBe(false)
  })

  it('denies window.open, webviews and every permission', () => {
    createAppWindow({ width: 800, height: 600 })
    const { webContents } = lastWindow()
    expect(webContents.windowOpenHandler?.({ url: 'https://plex.tv/' })).toEqual({ action: 'deny' })
    expect(webContents.windowOpenHandler?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' })
    expect(shellRecorder.opened).toEqual(['https://plex.tv/'])

    const webview = new RecordedEvent()
    webContents.emit('will-attach-webview', webview)
    expect(webview.defaultPrevented).toBe(true)

    const answers: boolean[] = []
    webContents.session.requestHandler?.(webContents, 'media', (ok) => answers.push(ok))
    expect(answers).toEqual([false])
    expect(webContents.session.checkHandler?.()).toBe(false)
  })

  it('shows the window when ready, unless asked to start hidden', () => {
    createAppWindow({ width: 800, height: 600 })
    lastWindow().emit('ready-to-show')
    expect(lastWindow().visible).toBe(true)

    createAppWindow({ width: 800, height: 600, showWhenReady: false })
    lastWindow().emit('ready-to-show')
    expect(lastWindow().visible).toBe(false)
  })

  it('follows ELECTRON_RENDERER_URL only in an unpackaged app', () => {
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173/'
    createAppWindow({ width: 800, height: 600 })
    expect(lastWindow().loadedUrl).toBe('http://localhost:5173/')
    expect(rendererLocation().devServerUrl).toBe('http://localhost:5173/')

    appRecorder.isPackaged = true
    createAppWindow({ width: 800, height: 600 })
    expect(lastWindow().loadedUrl).toBe('app://plex-cache/index.html')
    expect(rendererLocation()).toEqual({})
  })
})
