/**
 * A recording stand-in for the parts of the `electron` module the tray uses. Tests install it
 * with vi.mock('electron', ...) and read what the tray did from `recorded`.
 */
import type { MenuItemConstructorOptions, MessageBoxOptions } from 'electron'

export interface FakeImage {
  path: string
  template: boolean
  setTemplateImage(template: boolean): void
}

export class FakeTray {
  readonly tooltips: string[] = []
  readonly menus: MenuItemConstructorOptions[][] = []
  readonly listeners = new Map<string, Array<() => void>>()
  destroyed = false

  constructor(readonly image: FakeImage) {
    recorded.trays.push(this)
  }

  setToolTip(text: string): void {
    this.tooltips.push(text)
  }

  setContextMenu(menu: { template: MenuItemConstructorOptions[] }): void {
    this.menus.push(menu.template)
  }

  on(event: string, listener: () => void): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener])
    return this
  }

  emit(event: string): void {
    for (const listener of this.listeners.get(event) ?? []) listener()
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

export const recorded = {
  trays: [] as FakeTray[],
  messageBoxes: [] as MessageBoxOptions[],
  errorBoxes: [] as Array<{ title: string; content: string }>,
  /** The button index the next message box answers with. */
  messageBoxResponse: 0,
  reset(): void {
    this.trays.length = 0
    this.messageBoxes.length = 0
    this.errorBoxes.length = 0
    this.messageBoxResponse = 0
  },
}

export const nativeImage = {
  createFromPath(path: string): FakeImage {
    return {
      path,
      template: false,
      setTemplateImage(template: boolean) {
        this.template = template
      },
    }
  },
}

export const Menu = {
  buildFromTemplate(template: MenuItemConstructorOptions[]) {
    return { template }
  },
}

export const dialog = {
  async showMessageBox(options: MessageBoxOptions) {
    recorded.messageBoxes.push(options)
    return { response: recorded.messageBoxResponse, checkboxChecked: false }
  },
  showErrorBox(title: string, content: string) {
    recorded.errorBoxes.push({ title, content })
  },
}

export { FakeTray as Tray }
