import { beforeEach, describe, expect, it, vi } from 'vitest'
import { FakeBrowserWindow, appRecorder } from './electron-recorder'

vi.mock('electron', async () => (await import('./electron-recorder')).electronModule)

const { createAppWindow } = await import('../../../src/main/window')

const APP_PAGE = 'app://plex-cache/index.html'

/** A window whose first load is under way, hidden until ready, as main makes it. */
function loadingWindow(showWhenReady = true): FakeBrowserWindow {
  createAppWindow({ width: 800, height: 600, showWhenReady })
  const window = FakeBrowserWindow.created.at(-1)
  if (!window) throw new Error('no window was created')
  return window
}

/** The text of the data: page the window was last told to load. */
function shownErrorPage(window: FakeBrowserWindow): string {
  const url = window.loadedUrl ?? ''
  expect(url.startsWith('data:text/html;charset=utf-8,')).toBe(true)
  return decodeURIComponent(url.slice(url.indexOf(',') + 1))
}

beforeEach(() => {
  FakeBrowserWindow.created.length = 0
  appRecorder.isPackaged = false
  delete process.env.ELECTRON_RENDERER_URL
})

describe('a renderer that fails to load', () => {
  it('shows the window with an error page naming the page and the error', () => {
    const window = loadingWindow()
    expect(window.visible).toBe(false)
    window.webContents.failLoading(APP_PAGE, -6, 'ERR_FILE_NOT_FOUND')
    expect(window.visible).toBe(true)
    const page = shownErrorPage(window)
    expect(page).toContain('app://plex-cache/index.html')
    expect(page).toContain('ERR_FILE_NOT_FOUND')
    expect(page).toMatch(/Ctrl\+R/)
  })

  it('shows it even for a window meant to start hidden in the tray', () => {
    const window = loadingWindow(false)
    window.webContents.failLoading(APP_PAGE, -6, 'ERR_FILE_NOT_FOUND')
    expect(window.visible).toBe(true)
  })

  it('treats a dev reload that was aborted with nothing after it as a failure', () => {
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173/'
    const window = loadingWindow()
    window.webContents.failLoading('http://localhost:5173/', -3, 'ERR_ABORTED')
    expect(window.visible).toBe(true)
    expect(shownErrorPage(window)).toContain('http://localhost:5173/')
  })

  it('ignores a load aborted because a newer one replaced it, and failing subframes', () => {
    const window = loadingWindow()
    window.webContents.loading = true
    window.webContents.emit('did-fail-load', {}, -3, 'ERR_ABORTED', APP_PAGE, true, 1, 1)
    window.webContents.failLoading('https://ads.example/', -105, 'ERR_NAME_NOT_RESOLVED', false)
    expect(window.visible).toBe(false)
    expect(window.webContents.loadedUrls).toEqual([APP_PAGE])
  })

  it('shows the error page when the render process goes away', () => {
    const window = loadingWindow()
    window.webContents.finishLoading(APP_PAGE)
    window.webContents.renderProcessGone('oom', -536870904)
    expect(window.visible).toBe(true)
    expect(shownErrorPage(window)).toContain('oom')
  })

  it('does not loop when the error page itself fails', () => {
    const window = loadingWindow()
    window.webContents.failLoading(APP_PAGE, -6, 'ERR_FILE_NOT_FOUND')
    const errorPage = window.loadedUrl ?? ''
    window.webContents.failLoading(errorPage, -2, 'ERR_FAILED')
    expect(window.webContents.loadedUrls).toEqual([APP_PAGE, errorPage])
  })

  it('retries on Ctrl+R, Cmd+R or F5 while the error page shows, and leaves those keys alone otherwise', () => {
    const window = loadingWindow()
    const { webContents } = window
    webContents.finishLoading(APP_PAGE)
    expect(webContents.pressKey('r', { control: true })).toBe(false)
    expect(webContents.loadedUrls).toEqual([APP_PAGE])

    for (const press of [
      () => webContents.pressKey('r', { control: true }),
      () => webContents.pressKey('R', { meta: true }),
      () => webContents.pressKey('F5'),
    ]) {
      webContents.failLoading(APP_PAGE, -6, 'ERR_FILE_NOT_FOUND')
      expect(webContents.pressKey('x', { control: true })).toBe(false)
      expect(webContents.pressKey('r')).toBe(false)
      expect(press()).toBe(true)
      expect(window.loadedUrl).toBe(APP_PAGE)
    }
  })
})
