/**
 * A recording stand-in for the `electron` module (only for Electron itself, never for our code):
 * it remembers which windows were made with which options, which channels were handled, what was
 * sent to a window and what the preload exposed. Tests install it with
 * `vi.mock('electron', async () => (await import('./electron-recorder')).electronModule)`.
 */
import { EventEmitter } from 'node:events'

type Handler = (event: unknown, ...args: unknown[]) => unknown
type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  respond: (ok: boolean) => void,
) => void

class FakeSession {
  requestHandler: PermissionRequestHandler | null = null
  checkHandler: ((...args: unknown[]) => boolean) | null = null
  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.requestHandler = handler
  }
  setPermissionCheckHandler(handler: (...args: unknown[]) => boolean): void {
    this.checkHandler = handler
  }
}

export class RecordedEvent {
  defaultPrevented = false
  constructor(readonly url = '') {}
  preventDefault(): void {
    this.defaultPrevented = true
  }
}

export class FakeFrame {
  constructor(
    public url: string,
    public parent: FakeFrame | null = null,
  ) {}
}

let nextId = 1

export class FakeWebContents extends EventEmitter {
  readonly id = nextId++
  readonly mainFrame = new FakeFrame('')
  loading = false
  destroyed = false
  readonly sent: Array<{ channel: string; message: unknown }> = []
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null
  readonly session = new FakeSession()

  getURL(): string {
    return this.mainFrame.url
  }
  isLoading(): boolean {
    return this.loading
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  send(channel: string, message: unknown): void {
    this.sent.push({ channel, message: JSON.parse(JSON.stringify(message)) })
  }
  setWindowOpenHandler(handler: FakeWebContents['windowOpenHandler']): void {
    this.windowOpenHandler = handler
  }
  /** What a page load does: the main frame shows the URL, then did-finish-load. */
  finishLoading(url: string): void {
    this.mainFrame.url = url
    this.loading = false
    this.emit('did-finish-load')
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static readonly created: FakeBrowserWindow[] = []
  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.created.filter((window) => !window.destroyed)
  }

  readonly webContents = new FakeWebContents()
  visible = false
  destroyed = false
  loadedFile: string | null = null
  loadedUrl: string | null = null

  constructor(readonly options: Record<string, unknown>) {
    super()
    FakeBrowserWindow.created.push(this)
  }

  loadFile(file: string): Promise<void> {
    this.loadedFile = file
    this.webContents.loading = true
    return Promise.resolve()
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url
    this.webContents.loading = true
    return Promise.resolve()
  }
  show(): void {
    this.visible = true
  }
  hide(): void {
    this.visible = false
  }
  focus(): void {}
  restore(): void {}
  isVisible(): boolean {
    return this.visible
  }
  isMinimized(): boolean {
    return false
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  /** What the user closing the window does: 'close' may be prevented, otherwise the window goes. */
  close(): void {
    const event = new RecordedEvent()
    this.emit('close', event)
    if (event.defaultPrevented) return
    this.destroyed = true
    this.webContents.destroyed = true
    this.emit('closed')
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false
  name = 'electron'
  readonly paths = new Map<string, string>([['appData', '/tmp/app-data']])
  quitCalls = 0
  exitCode: number | null = null
  ready = false
  private resolveReady!: () => void
  private readyPromise = new Promise<void>((resolve) => (this.resolveReady = resolve))

  getAppPath(): string {
    return '/opt/plex-cache'
  }
  getName(): string {
    return this.name
  }
  setName(name: string): void {
    this.name = name
  }
  getPath(name: string): string {
    const found = this.paths.get(name)
    if (found === undefined) throw new Error(`no path ${name}`)
    return found
  }
  setPath(name: string, value: string): void {
    this.paths.set(name, value)
  }
  requestSingleInstanceLock(): boolean {
    return true
  }
  isReady(): boolean {
    return this.ready
  }
  whenReady(): Promise<void> {
    return this.readyPromise
  }
  /** The test decides when Electron is ready. */
  becomeReady(): void {
    this.ready = true
    this.resolveReady()
  }
  /** Like Electron: before-quit, then will-quit (which may be prevented). */
  quit(): void {
    this.quitCalls++
    this.emit('before-quit', new RecordedEvent())
    this.emit('will-quit', new RecordedEvent())
  }
  exit(code: number): void {
    this.exitCode = code
  }
}

export const ipcMainRecorder = {
  handlers: new Map<string, Handler>(),
  handle(channel: string, handler: Handler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
    this.handlers.set(channel, handler)
  },
  removeHandler(channel: string): void {
    this.handlers.delete(channel)
  },
}

export const ipcRendererRecorder = {
  invoked: [] as Array<{ channel: string; args: unknown[] }>,
  listeners: new Map<string, Array<(event: unknown, ...args: unknown[]) => void>>(),
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push({ channel, args })
    return Promise.resolve({ ok: true, value: channel })
  },
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): void {
    this.listeners.set(channel, [...(this.listeners.get(channel) ?? []), listener])
  },
  /** What main's webContents.send does on the renderer side. */
  deliver(channel: string, message: unknown): void {
    for (const listener of this.listeners.get(channel) ?? [])
      listener({ sender: 'ipc-renderer-event' }, message)
  },
}

export const contextBridgeRecorder = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown): void {
    this.exposed.set(key, api)
  },
}

export const shellRecorder = {
  opened: [] as string[],
  openExternal(url: string): Promise<void> {
    this.opened.push(url)
    return Promise.resolve()
  },
}

export const safeStorageRecorder = {
  available: true,
  backend: 'gnome_libsecret',
  isEncryptionAvailable(): boolean {
    return this.available
  },
  getSelectedStorageBackend(): string {
    return this.backend
  },
  encryptString(plain: string): Buffer {
    return Buffer.from(`sealed:${Buffer.from(plain).toString('hex')}`)
  },
  decryptString(data: Buffer): string {
    return Buffer.from(data.toString().replace(/^sealed:/, ''), 'hex').toString()
  },
}

export class FakeTray extends EventEmitter {
  static readonly created: FakeTray[] = []
  tooltip = ''
  menu: unknown = null
  destroyed = false
  constructor(readonly image: unknown) {
    super()
    FakeTray.created.push(this)
  }
  setToolTip(tooltip: string): void {
    this.tooltip = tooltip
  }
  setContextMenu(menu: unknown): void {
    this.menu = menu
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  destroy(): void {
    this.destroyed = true
  }
}

export const appRecorder = new FakeApp()

export const electronModule = {
  app: appRecorder,
  BrowserWindow: FakeBrowserWindow,
  ipcMain: ipcMainRecorder,
  ipcRenderer: ipcRendererRecorder,
  contextBridge: contextBridgeRecorder,
  shell: shellRecorder,
  safeStorage: safeStorageRecorder,
  Tray: FakeTray,
  Menu: { buildFromTemplate: (template: unknown[]) => ({ template }) },
  nativeImage: {
    createFromPath: (file: string) => ({ file, template: false, setTemplateImage() {} }),
  },
  net: { fetch: (url: string, init?: RequestInit) => fetch(url, init) },
  dialog: {
    errors: [] as string[],
    showErrorBox: (title: string) => void electronModule.dialog.errors.push(title),
    showMessageBox: () => Promise.resolve({ response: 1 }),
  },
}
