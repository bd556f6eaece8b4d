/**
 * The tray icon: thin Electron glue around the pure menu model (tray-menu.ts) and the state source.
 * src/main/index.ts calls createTray once the app is ready.
 */
import { join } from 'node:path'
import { Menu, nativeImage, Tray, type MenuItemConstructorOptions, type NativeImage } from 'electron'
import { performTrayAction } from './tray-actions'
import { buildTrayMenu, trayTooltip } from './tray-menu'
import { TrayStateSource, type TrayController } from './tray-state-source'
import type { TrayAction, TrayMenuItem, TrayState } from './tray-types'

export interface TrayDeps {
  controller: TrayController
  showWindow(): void
  toggleWindow(): void
  quit(): void
  /** The resources/ folder holding tray.ico, tray.png, trayTemplate.png and their @2x variants. */
  iconPath: string
  /** Defaults to process.platform; tests pass one to cover macOS and the others. */
  platform?: NodeJS.Platform
}

export interface TrayHandle {
  dispose(): void
}

export function createTray(deps: TrayDeps): TrayHandle {
  const platform = deps.platform ?? process.platform
  const tray = new Tray(trayIcon(deps.iconPath, platform))

  // Redrawn only when something visible changed: stats events are frequent, and rebuilding a
  // native menu under the pointer is neither free nor pleasant.
  let shown = ''
  const render = (state: TrayState) => {
    const menu = buildTrayMenu(state)
    const tooltip = trayTooltip(state)
    const fingerprint = JSON.stringify([tooltip, menu])
    if (tray.isDestroyed() || fingerprint === shown) return
    shown = fingerprint
    tray.setToolTip(tooltip)
    tray.setContextMenu(Menu.buildFromTemplate(toElectronMenu(menu, perform)))
  }
  const source = new TrayStateSource(deps.controller, render)

  function perform(action: TrayAction): void {
    performTrayAction(action, {
      controller: deps.controller,
      source,
      showWindow: deps.showWindow,
      quit: deps.quit,
    })
      // The service's failures already show in the status line once the state is re-read.
      .catch((error: unknown) => console.error(`Tray action ${action.type} failed:`, error))
      .finally(() => void source.reload())
  }

  // On macOS a click on a menu-bar icon opens its menu, as users expect there; elsewhere the
  // click is free, so it shows or hides the window and the menu stays on right-click.
  if (platform !== 'darwin') tray.on('click', () => deps.toggleWindow())

  // Some Linux desktops show no icon at all until it has a menu, so one is set before the first answer.
  render(source.current)
  void source.reload()

  return {
    dispose() {
      source.dispose()
      if (!tray.isDestroyed()) tray.destroy()
    },
  }
}

function trayIcon(resourcesDir: string, platform: NodeJS.Platform): NativeImage {
  // Windows picks the size it needs for the display's scaling from an .ico; a PNG would be
  // rescaled and blurred there.
  if (platform === 'win32') return nativeImage.createFromPath(join(resourcesDir, 'tray.ico'))
  // createFromPath picks up the @2x sibling by itself for high-density screens.
  if (platform !== 'darwin') return nativeImage.createFromPath(join(resourcesDir, 'tray.png'))
  // A template image is drawn by macOS in the menu bar's colour, so it suits light and dark bars.
  const image = nativeImage.createFromPath(join(resourcesDir, 'trayTemplate.png'))
  image.setTemplateImage(true)
  return image
}

function toElectronMenu(
  items: TrayMenuItem[],
  perform: (action: TrayAction) => void,
): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    if (item.type === 'separator') return { type: 'separator' }
    const { action } = item
    return {
      label: item.label,
      enabled: item.enabled ?? true,
      ...(item.submenu ? { submenu: toElectronMenu(item.submenu, perform) } : {}),
      ...(action ? { click: () => perform(action) } : {}),
    }
  })
}
