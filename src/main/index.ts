import { app, BrowserWindow } from 'electron'
import { createAppWindow } from './window'

let mainWindow: BrowserWindow | null = null

function showMainWindow(): void {
  if (mainWindow === null || mainWindow.isDestroyed()) {
    mainWindow = createAppWindow({ width: 1100, height: 720, minWidth: 720, minHeight: 480 })
    mainWindow.on('closed', () => {
      mainWindow = null
    })
    return
  }
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.show()
  mainWindow.focus()
}

// A second copy would be a second writer on the same cache file; it hands over to the first instead.
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (app.isReady()) showMainWindow()
  })
  // macOS apps stay alive without windows and reopen one from the dock.
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) showMainWindow()
  })
  void app.whenReady().then(showMainWindow)
}
