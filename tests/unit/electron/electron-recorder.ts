/**
 * A recording stand-in for the `electron` module (only for Electron itself, never for our code):
 * it remembers which windows were made with which options, which channels were handled, what was
 * sent to a window, what the preload exposed, which trays were made with which menus and which
 * dialogs were shown. The one stand-in for the window, main-process and tray tests; they install it with
 * `vi.mock('electron', async () => (await import('./electron-recorder')).electronModule)`.
 */
import { EventEmitter } from 'node:events'
import type { MenuItemConstructorOptions, MessageBoxOptions } from 'electron'
import { FakeBrowserWindow, RecordedEvent } from './fake-browser-window'

export { FakeBrowserWindow, FakeFrame, FakeWebContents, RecordedEvent } from './fake-browser-window'

type Handler = (event: unknown, ...args: unknown[]) => unknown

class FakeApp extends EventEmitter {
  isPackaged = false
  name = 'electron'
  readonly paths = new Map<string, string>([['appData', '/tmp/app-data']])
  quitCalls = 0
  exitCode: number | null = null
  ready = false
  /** What getAppPath answers: the folder holding out/ (tests may move it before main is imported). */
  appPath = '/opt/plex-cache'
  appUserModelId: string | null = null
  /** Switches Electron was started with, e.g. 'no-sandbox' from an AppImage's start script. */
  readonly commandLine = {
    switches: new Set<string>(),
    hasSwitch(name: string): boolean {
      return this.switches.has(name)
    },
  }
  private resolveReady!: () => void
  private readyPromise = new Promise<void>((resolve) => (this.resolveReady = resolve))

  getAppPath(): string {
    return this.appPath
  }
  getVersion(): string {
    return '0.1.0'
  }
  setAppUserModelId(id: string): void {
    this.appUserModelId = id
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
  /** Local paths handed to the file manager ("open <path>", "show <path>"). */
  openedPaths: [] as string[],
  openExternal(url: string): Promise<void> {
    this.opened.push(url)
    return Promise.resolve()
  },
  openPath(target: string): Promise<string> {
    this.openedPaths.push(`open ${target}`)
    return Promise.resolve('')
  },
  showItemInFolder(target: string): void {
    this.openedPaths.push(`show ${target}`)
  },
}

export const safeStorageRecorder = {
  available: true,
  backend: 'gnome_libsecret',
  /** How decryptStringAsync answers: at once, never (a keychain prompt nobody answers), or refused. */
  decryptMode: 'answer' as 'answer' | 'hang' | 'refuse',
  /** What decryptStringAsync says of the key it used, as after a key rotation. */
  shouldReEncrypt: false,
  /** The deprecated synchronous calls made, which the app should no longer make. */
  syncCalls: [] as string[],
  hangingDecrypts: [] as Array<() => void>,
  reset(): void {
    this.available = true
    this.backend = 'gnome_libsecret'
    this.decryptMode = 'answer'
    this.shouldReEncrypt = false
    this.syncCalls = []
    this.hangingDecrypts = []
  },
  isEncryptionAvailable(): boolean {
    this.syncCalls.push('isEncryptionAvailable')
    return this.available
  },
  getSelectedStorageBackend(): string {
    return this.backend
  },
  encryptString(plain: string): Buffer {
    this.syncCalls.push('encryptString')
    return Buffer.from(`sealed:${Buffer.from(plain).toString('hex')}`)
  },
  decryptString(data: Buffer): string {
    this.syncCalls.push('decryptString')
    return Buffer.from(data.toString().replace(/^sealed:/, ''), 'hex').toString()
  },
  isAsyncEncryptionAvailable(): Promise<boolean> {
    return Promise.resolve(this.available)
  },
  encryptStringAsync(plain: string): Promise<Buffer> {
    return Promise.resolve(Buffer.from(`sealed:${Buffer.from(plain).toString('hex')}`))
  },
  decryptStringAsync(data: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }> {
    if (this.decryptMode === 'refuse') return Promise.reject(new Error('Keychain access was refused.'))
    const answer = () => ({
      result: Buffer.from(data.toString().replace(/^sealed:/, ''), 'hex').toString(),
      shouldReEncrypt: this.shouldReEncrypt,
    })
    if (this.decryptMode === 'answer') return Promise.resolve(answer())
    return new Promise((resolve) => this.hangingDecrypts.push(() => resolve(answer())))
  },
  /** The keychain prompt is answered at last: every hanging decryption resolves. */
  answerHangingDecrypts(): void {
    this.decryptMode = 'answer'
    for (const answer of this.hangingDecrypts.splice(0)) answer()
  },
}

/** What nativeImage.createFromPath made: the file, and whether it was marked a template (macOS). */
export interface FakeImage {
  path: string
  template: boolean
  setTemplateImage(template: boolean): void
}

/** Electron's Tray: every one made, each tooltip and context menu set on it; a test can emit 'click'. */
export class FakeTray extends EventEmitter {
  static readonly created: FakeTray[] = []
  readonly tooltips: string[] = []
  readonly menus: MenuItemConstructorOptions[][] = []
  destroyed = false
  constructor(readonly image: FakeImage) {
    super()
    FakeTray.created.push(this)
  }
  setToolTip(text: string): void {
    this.tooltips.push(text)
  }
  setContextMenu(menu: { template: MenuItemConstructorOptions[] }): void {
    this.menus.push(menu.template)
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  destroy(): void {
    this.destroyed = true
  }
  get lastMenu(): MenuItemConstructorOptions[] {
    const menu = this.menus.at(-1)
    if (!menu) throw new Error('no context menu was set')
    return menu
  }
}

/** Electron's dialog: every message box and error box shown; message boxes answer messageBoxResponse. */
export const dialogRecorder = {
  messageBoxes: [] as MessageBoxOptions[],
  errorBoxes: [] as Array<{ title: string; content: string }>,
  /** The button index the next message box answers with. */
  messageBoxResponse: 0,
  showMessageBox(options: MessageBoxOptions): Promise<{ response: number; checkboxChecked: boolean }> {
    dialogRecorder.messageBoxes.push(options)
    return Promise.resolve({ response: dialogRecorder.messageBoxResponse, checkboxChecked: false })
  },
  showErrorBox(title: string, content: string): void {
    dialogRecorder.errorBoxes.push({ title, content })
  },
}

/** Forgets the trays made and the dialogs shown, for tests that share one import of the stand-in. */
export function resetTraysAndDialogs(): void {
  FakeTray.created.length = 0
  dialogRecorder.messageBoxes.length = 0
  dialogRecorder.errorBoxes.length = 0
  dialogRecorder.messageBoxResponse = 0
}

export const appRecorder = new FakeApp()

/** Electron's Notification: every one shown, with its options; a test can click one. */
export class FakeNotification extends EventEmitter {
  static supported = true
  static readonly shown: FakeNotification[] = []
  static isSupported(): boolean {
    return FakeNotification.supported
  }
  constructor(readonly options: { title: string; body?: string }) {
    super()
  }
  show(): void {
    FakeNotification.shown.push(this)
  }
  click(): void {
    this.emit('click', new RecordedEvent())
  }
}

type ProtocolHandler = (request: Request) => Response | Promise<Response>
interface CustomScheme {
  scheme: string
  privileges?: Record<string, boolean>
}

/** Electron's protocol module, with its rules on when each call is allowed. */
export const protocolRecorder = {
  privileged: null as CustomScheme[] | null,
  handlers: new Map<string, ProtocolHandler>(),
  registerSchemesAsPrivileged(schemes: CustomScheme[]): void {
    if (appRecorder.isReady())
      throw new Error('registerSchemesAsPrivileged must be called before app is ready')
    if (this.privileged !== null) throw new Error('registerSchemesAsPrivileged can be called only once')
    this.privileged = schemes
  },
  handle(scheme: string, handler: ProtocolHandler): void {
    if (!appRecorder.isReady()) throw new Error('protocol.handle must be called after app is ready')
    if (this.handlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`)
    this.handlers.set(scheme, handler)
  },
  unhandle(scheme: string): void {
    this.handlers.delete(scheme)
  },
  isProtocolHandled(scheme: string): boolean {
    return this.handlers.has(scheme)
  },
  /** What the renderer requesting `url` gets back from the registered handler. */
  async request(url: string, init?: RequestInit): Promise<Response> {
    const scheme = new URL(url).protocol.slice(0, -1)
    const handler = this.handlers.get(scheme)
    if (!handler) throw new Error(`no handler for ${scheme}:`)
    return handler(new Request(url, init))
  },
}

/** The default session: which certificate verify procedures were set (certificate-trust.ts). */
export const sessionRecorder = {
  verifyProcs: [] as unknown[],
  connectionsClosed: 0,
  setCertificateVerifyProc(proc: unknown): void {
    sessionRecorder.verifyProcs.push(proc)
  },
  async closeAllConnections(): Promise<void> {
    sessionRecorder.connectionsClosed++
  },
}

export const electronModule = {
  app: appRecorder,
  BrowserWindow: FakeBrowserWindow,
  ipcMain: ipcMainRecorder,
  ipcRenderer: ipcRendererRecorder,
  contextBridge: contextBridgeRecorder,
  shell: shellRecorder,
  safeStorage: safeStorageRecorder,
  protocol: protocolRecorder,
  Tray: FakeTray,
  Notification: FakeNotification,
  Menu: { buildFromTemplate: (template: MenuItemConstructorOptions[]) => ({ template }) },
  nativeImage: {
    createFromPath: (path: string): FakeImage => ({
      path,
      template: false,
      setTemplateImage(template: boolean) {
        this.template = template
      },
    }),
  },
  net: { fetch: (url: string, init?: RequestInit) => fetch(url, init) },
  session: { defaultSession: sessionRecorder },
  dialog: dialogRecorder,
}
