import path from 'node:path'
import { app, BrowserWindow, dialog, net, session, shell } from 'electron'
import { createAppController, type AppController } from './app/app-controller'
import { registerAppScheme, serveAppProtocol } from './app-protocol'
import { startBackgroundNotifications } from './background-notifications'
import { trustPinnedCertificates } from './certificate-trust'
import { noSandboxNotice } from './sandbox-notice'
import { APP_DIRECTORY_NAME, defaultDataDir } from './data-dir'
import { createExternalLinkOpener } from './external-links'
import { createFileLogger } from './log/log-file'
import { bindIpc, type IpcBinding } from './ipc/bind-ipc'
import { accountTokenStore, openSharedSettings } from './settings'
import { CertificatePins } from './settings/certificate-pins'
import { systemVault } from './system-vault'
import { createTray, isTrayShown, type TrayHandle } from './tray'
import { closeThenQuit } from './quit-deadline'
import { createAppWindow, rendererFolder, rendererLocation } from './window'
import { WINDOWS_APP_USER_MODEL_ID } from './windows-app-id'

// The CLI's default folder (also Electron's userData for "Plex Cache"), so both share one cache
// file; PLEX_CACHE_DATA_DIR moves both, which end-to-end tests use for a fresh folder per run.
app.setName(APP_DIRECTORY_NAME)
app.setPath('userData', defaultDataDir())
// Before anything shows on the taskbar, so the window joins the installer's pinned shortcut.
if (process.platform === 'win32') app.setAppUserModelId(WINDOWS_APP_USER_MODEL_ID)
// Privileges can only be granted before `ready`; the handler is installed in start().
registerAppScheme()

let mainWindow: BrowserWindow | null = null
let controller: AppController | null = null
let ipc: IpcBinding | null = null
let tray: TrayHandle | null = null
let stopNotifications: (() => void) | null = null
/** With a tray the app lives on when its window closes; without one, closing the window quits. */
let keepRunningInTray = false
let quitting = false

function createMainWindow(show: boolean): BrowserWindow {
  const window = createAppWindow({
    width: 1100,
    height: 720,
    minWidth: 720,
    minHeight: 480,
    showWhenReady: show,
  })
  window.on('close', (event) => {
    if (quitting || !keepRunningInTray) return
    event.preventDefault()
    window.hide()
  })
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null
  })
  ipc?.attachWindow(window)
  return window
}

function showMainWindow(): void {
  if (controller === null) return
  if (mainWindow === null || mainWindow.isDestroyed()) {
    mainWindow = createMainWindow(true)
    return
  }
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.show()
  mainWindow.focus()
}

function toggleMainWindow(): void {
  if (mainWindow !== null && !mainWindow.isDestroyed() && mainWindow.isVisible()) mainWindow.hide()
  else showMainWindow()
}

/** The tray, or null where the desktop has none to offer (the window then quits the app on close). */
function startTray(started: AppController): TrayHandle | null {
  try {
    return createTray({
      controller: started,
      showWindow: showMainWindow,
      toggleWindow: toggleMainWindow,
      quit: () => app.quit(),
      iconPath: path.join(app.getAppPath(), 'resources'),
    })
  } catch (error) {
    console.error('plex-cache: no tray icon:', error)
    return null
  }
}

async function start(): Promise<void> {
  // Asked now, so the session bus answers while the cache opens.
  const trayShown = isTrayShown()
  const dataDir = app.getPath('userData')
  // The CLI opens the same store; safeStorage is only there to move tokens saved by earlier versions.
  const settingsStore = openSharedSettings(dataDir, systemVault())
  // Certificates the user trusted (per server, by fingerprint) apply to net.fetch's requests.
  const certificateTrust = trustPinnedCertificates(session.defaultSession, new CertificatePins(dataDir))
  const started = await createAppController({
    dataDir,
    // A rotating file in the data folder; the controller redacts every line before it is written.
    logger: createFileLogger({ dataDir }),
    appVersion: app.getVersion(),
    // About's buttons: the controller allows only the data folder and the log file (local-paths.ts).
    shellPaths: {
      openPath: (target) => shell.openPath(target),
      showItemInFolder: (target) => shell.showItemInFolder(target),
    },
    // Electron's network stack: the system proxy settings and certificate store apply to Plex requests.
    fetch: (url, init) => net.fetch(url, init),
    onCertificateTrusted: () => certificateTrust.refresh(),
    settingsStore,
    // Sign in with Plex opens the approval page in the system browser (the controller allows only its origin).
    openExternal: createExternalLinkOpener((url) => shell.openExternal(url)),
    accountTokens: () => accountTokenStore(dataDir),
    // electron-builder's AppImage start script adds --no-sandbox by itself where user namespaces are blocked.
    startupNotices: [noSandboxNotice(app.commandLine.hasSwitch('no-sandbox'))].filter(
      (notice) => notice !== null,
    ),
  })
  controller = started
  serveAppProtocol(rendererFolder)
  ipc = bindIpc({ controller: started, getWindow: () => mainWindow, renderer: rendererLocation() })

  tray = startTray(started)
  // Keep-warm or a scheduled refresh failing while the window is hidden: a system notification.
  stopNotifications = startBackgroundNotifications({
    controller: started,
    isWindowVisible: () => mainWindow !== null && !mainWindow.isDestroyed() && mainWindow.isVisible(),
    showWindow: showMainWindow,
  })
  // Hidden at start only behind an icon the user can see; otherwise the window would be lost.
  const startHidden = settingsStore.startInTray && tray !== null && (await trayShown)
  mainWindow = createMainWindow(!startHidden)
  keepRunningInTray = tray !== null && (await trayShown)
}

// A second copy would be a second writer on the same cache file; it hands over to the first instead.
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (app.isReady()) showMainWindow()
  })
  app.on('before-quit', () => {
    quitting = true
  })
  // The cache file is closed cleanly (statistics flushed, requests cancelled) before the app exits.
  app.on('will-quit', (event) => {
    const closing = controller
    if (closing === null) return
    event.preventDefault()
    controller = null
    tray?.dispose()
    tray = null
    stopNotifications?.()
    stopNotifications = null
    ipc?.dispose()
    void closeThenQuit({
      close: () => closing.close(),
      quit: () => app.quit(),
      exit: () => app.exit(0),
      log: (message, error) => console.error(message, ...(error === undefined ? [] : [error])),
    })
  })
  // macOS apps stay alive without windows and reopen one from the dock.
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin' && !keepRunningInTray) app.quit()
  })
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0 || !mainWindow?.isVisible()) showMainWindow()
  })
  void app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      dialog.showErrorBox(
        'Plex Cache could not start',
        error instanceof Error ? error.message : String(error),
      )
      app.exit(1)
    })
}
