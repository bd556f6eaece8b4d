/**
 * The window half of the recording Electron stand-in (see electron-recorder.ts): BrowserWindow,
 * its webContents, frames and session, with helpers that play what Chromium would do (a page
 * finishing or failing to load, the render process going away, a key press).
 */
import { EventEmitter } from 'node:events'

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
  /** Every URL loadURL was asked for, oldest first. */
  readonly loadedUrls: string[] = []
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
  loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url)
    this.loading = true
    return Promise.resolve()
  }
  /** What a page load does: the main frame shows the URL, then did-finish-load. */
  finishLoading(url: string): void {
    this.mainFrame.url = url
    this.loading = false
    this.emit('did-finish-load')
  }
  /** What a load that fails with nothing else pending does (Chromium's net error code, negative). */
  failLoading(url: string, code: number, description: string, isMainFrame = true): void {
    this.loading = false
    this.emit('did-fail-load', new RecordedEvent(), code, description, url, isMainFrame, 1, 1)
  }
  /** The render process ended: crashed, killed, out of memory... */
  renderProcessGone(reason: string, exitCode = 1): void {
    this.emit('render-process-gone', new RecordedEvent(), { reason, exitCode })
  }
  /** A key press reaching the window; returns whether main kept it from the page. */
  pressKey(key: string, modifiers: { control?: boolean; meta?: boolean } = {}): boolean {
    const event = new RecordedEvent()
    const input = {
      type: 'keyDown',
      key,
      control: false,
      meta: false,
      shift: false,
      alt: false,
      ...modifiers,
    }
    this.emit('before-input-event', event, input)
    return event.defaultPrevented
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

  constructor(readonly options: Record<string, unknown>) {
    super()
    FakeBrowserWindow.created.push(this)
  }

  loadFile(file: string): Promise<void> {
    this.loadedFile = file
    this.webContents.loading = true
    return Promise.resolve()
  }
  /** Like Electron, the window's loadURL is its webContents'. */
  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url)
  }
  /** The URL most recently loaded, or null. */
  get loadedUrl(): string | null {
    return this.webContents.loadedUrls.at(-1) ?? null
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
