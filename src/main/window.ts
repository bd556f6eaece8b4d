import { join } from 'node:path'
import { app, BrowserWindow, shell, type Session } from 'electron'
import { APP_INDEX_URL } from './app-origin'
import { createExternalLinkOpener } from './external-links'
import type { RendererLocation } from './ipc/trusted-sender'
import { isRetryKey, loadFailurePageUrl, type LoadFailure } from './load-failure-page'

// Paths are taken from the app root (the folder holding package.json, or app.asar when packaged)
// so they do not depend on how the main bundle happens to be split into chunks.
const appRoot = app.getAppPath()
const preloadPath = join(appRoot, 'out', 'preload', 'index.cjs')
/** The built renderer: all that app://plex-cache serves. */
export const rendererFolder = join(appRoot, 'out', 'renderer')
const iconPath = join(appRoot, 'resources', 'icon.png')

const openExternalLink = createExternalLinkOpener((url) => shell.openExternal(url))

export interface AppWindowOptions {
  width: number
  height: number
  minWidth?: number
  minHeight?: number
  /** Default true; false keeps the window hidden (start in the tray) until someone shows it. */
  showWhenReady?: boolean
}

/** The only place windows are made, so every window gets the same hardening. */
export function createAppWindow({
  width,
  height,
  minWidth,
  minHeight,
  showWhenReady = true,
}: AppWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width,
    height,
    minWidth,
    minHeight,
    title: app.getName(),
    icon: iconPath,
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    },
  })

  const { webContents } = window
  // The renderer is a single page: any navigation would replace our code with someone else's,
  // still holding the preload bridge. Web links go to the user's browser instead.
  webContents.on('will-navigate', (event) => {
    // Reloading the page itself (Vite's full reload in dev) is renderer-initiated too, but stays in the app.
    if (event.url === webContents.getURL()) return
    event.preventDefault()
    openExternalLink(event.url)
  })
  webContents.setWindowOpenHandler(({ url }) => {
    openExternalLink(url)
    return { action: 'deny' }
  })
  webContents.on('will-attach-webview', (event) => event.preventDefault())
  denyAllPermissions(webContents.session)
  showLoadFailures(window)

  if (showWhenReady) window.once('ready-to-show', () => window.show())
  loadRenderer(window)
  return window
}

// Chromium's net::ERR_ABORTED: the load was cancelled, often because a newer one replaced it.
const ERR_ABORTED = -3

/**
 * A renderer that did not load would leave a window that never becomes ready to show: nothing on
 * screen and no way to tell why. Show the window with an error page instead, and retry on the
 * keys that page names (main listens for them, as the page itself runs no script).
 */
function showLoadFailures(window: BrowserWindow): void {
  const { webContents } = window
  let showingFailure = false
  const showFailure = (failure: LoadFailure) => {
    if (window.isDestroyed()) return
    showingFailure = true
    window.show()
    webContents.loadURL(loadFailurePageUrl(failure)).catch((error: unknown) => {
      console.error('plex-cache: could not show the load-failure page:', error)
    })
  }
  webContents.on('did-fail-load', (_event, code, description, url, isMainFrame) => {
    // The failure page is the only data: URL we load; if even it fails, do not loop.
    if (!isMainFrame || url.startsWith('data:')) return
    if (code === ERR_ABORTED && webContents.isLoading()) return
    showFailure({ kind: 'load-failed', url, code, description })
  })
  webContents.on('render-process-gone', (_event, details) => {
    showFailure({ kind: 'renderer-gone', reason: details.reason, exitCode: details.exitCode })
  })
  webContents.on('before-input-event', (event, input) => {
    if (!showingFailure || !isRetryKey(input)) return
    event.preventDefault()
    showingFailure = false
    loadRenderer(window)
  })
}

// The renderer needs no camera, notifications, geolocation or similar; refuse them all.
function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, respond) => respond(false))
  session.setPermissionCheckHandler(() => false)
}

/** Where our renderer comes from: what windows load, and the only pages the IPC binding answers. */
export function rendererLocation(): RendererLocation {
  // Only an unpackaged app may follow ELECTRON_RENDERER_URL: in a shipped app an environment
  // variable must not be able to swap in remote content that would get the preload bridge.
  const devServerUrl = process.env.ELECTRON_RENDERER_URL
  return !app.isPackaged && devServerUrl ? { devServerUrl } : {}
}

function loadRenderer(window: BrowserWindow): void {
  const { devServerUrl } = rendererLocation()
  // A failed load rejects here and also emits did-fail-load, which showLoadFailures answers.
  window.loadURL(devServerUrl ?? APP_INDEX_URL).catch(() => {})
}
