import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { app, BrowserWindow, shell, type Session } from 'electron'
import { createExternalLinkOpener } from './external-links'
import type { RendererLocation } from './ipc/trusted-sender'

// Paths are taken from the app root (the folder holding package.json, or app.asar when packaged)
// so they do not depend on how the main bundle happens to be split into chunks.
const appRoot = app.getAppPath()
const preloadPath = join(appRoot, 'out', 'preload', 'index.cjs')
const rendererHtmlPath = join(appRoot, 'out', 'renderer', 'index.html')
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

  if (showWhenReady) window.once('ready-to-show', () => window.show())
  void loadRenderer(window)
  return window
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
  return {
    fileUrl: pathToFileURL(rendererHtmlPath).href,
    ...(!app.isPackaged && devServerUrl ? { devServerUrl } : {}),
  }
}

function loadRenderer(window: BrowserWindow): Promise<void> {
  const { devServerUrl } = rendererLocation()
  if (devServerUrl) return window.loadURL(devServerUrl)
  return window.loadFile(rendererHtmlPath)
}
