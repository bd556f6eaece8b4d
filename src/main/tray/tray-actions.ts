/** What each tray menu action does. Electron is used only for the clear-cache dialogs. */
import { dialog } from 'electron'
import { clearConfirmation } from './tray-wording'
import type { TrayController, TrayStateSource } from './tray-state-source'
import type { TrayAction } from './tray-types'

export interface TrayActionDeps {
  controller: TrayController
  source: TrayStateSource
  showWindow(): void
  quit(): void
}

const CLEAR_BUTTON = 0
const CANCEL_BUTTON = 1

export async function performTrayAction(action: TrayAction, deps: TrayActionDeps): Promise<void> {
  const { controller, source } = deps
  switch (action.type) {
    case 'refresh-all':
      return source.refreshAll()
    case 'refresh-library':
      await controller.run('refreshLibrary', { library: action.library })
      return
    case 'clear-cache':
      return confirmAndClear(controller, source)
    case 'open-window':
      return deps.showWindow()
    case 'quit':
      return deps.quit()
  }
}

async function confirmAndClear(controller: TrayController, source: TrayStateSource): Promise<void> {
  const { message, detail } = clearConfirmation(source.current)
  const { response } = await dialog.showMessageBox({
    type: 'warning',
    title: 'Clear cache',
    message,
    detail,
    buttons: ['Clear cache', 'Cancel'],
    // Enter or Escape must never delete by accident.
    defaultId: CANCEL_BUTTON,
    cancelId: CANCEL_BUTTON,
    noLink: true,
  })
  if (response !== CLEAR_BUTTON) return
  try {
    await controller.run('clear', {})
  } catch (error) {
    dialog.showErrorBox('Could not clear the cache', error instanceof Error ? error.message : String(error))
  }
}
