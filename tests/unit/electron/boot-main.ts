import { APP_INDEX_URL } from '../../../src/main/app-origin'
import { channelFor, type Envelope, type OperationName } from '../../../src/shared/contract'
import { FakeBrowserWindow, appRecorder, ipcMainRecorder } from './electron-recorder'

/**
 * Imports src/main/index.ts against the recorder, lets Electron become ready and waits for the
 * window, which then shows our app:// page. `appRoot` is where the app is installed (the folder
 * holding out/renderer); the recorder's default has no files in it.
 */
export async function bootMain(dataDir: string, appRoot?: string): Promise<FakeBrowserWindow> {
  process.env.PLEX_CACHE_DATA_DIR = dataDir
  if (appRoot !== undefined) appRecorder.appPath = appRoot
  await import('../../../src/main/index')
  appRecorder.becomeReady()
  const deadline = Date.now() + 10_000
  while (FakeBrowserWindow.created.length === 0) {
    if (Date.now() > deadline) throw new Error('main never created its window')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  const window = FakeBrowserWindow.created[0]!
  window.webContents.finishLoading(APP_INDEX_URL)
  return window
}

/** Calls an operation the way the window's preload would. */
export async function invokeFrom(
  window: FakeBrowserWindow,
  operation: OperationName,
  args: unknown = {},
): Promise<Envelope<unknown>> {
  const handler = ipcMainRecorder.handlers.get(channelFor(operation))
  if (!handler) throw new Error(`${operation} is not handled`)
  return (await handler(
    { sender: window.webContents, senderFrame: window.webContents.mainFrame },
    args,
  )) as Envelope<unknown>
}
