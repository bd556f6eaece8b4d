import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron'
import {
  channelFor,
  EVENT_CHANNEL,
  OPERATION_NAMES,
  type Envelope,
  type EventMessage,
} from '../../shared/contract'
import { HeldMessages } from '../../shared/held-until-heard'
import type { AppController } from '../app/app-controller'
import { createHandlerTable } from './handler-table'
import { isTrustedRendererUrl, type RendererLocation } from './trusted-sender'

export interface IpcBindingOptions {
  controller: AppController
  /** The app's one window, or null while there is none. */
  getWindow: () => BrowserWindow | null
  renderer: RendererLocation
}

export interface IpcBinding {
  /** Call for every window made, so notices raised while it loads reach it once it has. */
  attachWindow(window: BrowserWindow): void
  dispose(): void
}

const FORBIDDEN: Envelope<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'Only the Plex Cache window may make this request.' },
}

/** Binds every contract operation to ipcMain.handle and forwards the app's events to the window. */
export function bindIpc({ controller, getWindow, renderer }: IpcBindingOptions): IpcBinding {
  const handlers = createHandlerTable(controller)
  const isOurWindow = (event: IpcMainInvokeEvent) => isTrustedSender(event, getWindow(), renderer)

  for (const operation of OPERATION_NAMES) {
    const handler = handlers[operation] as (rawArgs: unknown) => Promise<Envelope<unknown>>
    ipcMain.handle(channelFor(operation), async (event, rawArgs: unknown) =>
      isOurWindow(event) ? handler(rawArgs) : FORBIDDEN,
    )
  }

  const heldNotices = new HeldMessages<EventMessage>()
  const send = (message: EventMessage) => {
    const window = getWindow()
    const contents = window && !window.isDestroyed() ? window.webContents : null
    // Events are for our page only, not for the load-failure page or anything navigated to.
    const showsOurPage =
      contents &&
      !contents.isDestroyed() &&
      !contents.isLoading() &&
      isTrustedRendererUrl(contents.getURL(), renderer)
    if (showsOurPage) {
      contents.send(EVENT_CHANNEL, message)
    } else if (message.event === 'notice') {
      // Everything else is re-read when the page starts; a notice would simply be lost.
      heldNotices.hold(message)
    }
  }
  const unsubscribe = controller.onEvent(send)

  return {
    attachWindow(window) {
      window.webContents.on('did-finish-load', () => {
        for (const message of heldNotices.release()) send(message)
      })
    },
    dispose() {
      unsubscribe()
      for (const operation of OPERATION_NAMES) ipcMain.removeHandler(channelFor(operation))
    },
  }
}

/**
 * Only our own window's main frame, showing our own page, may use the contract: not a subframe,
 * not another window, and not our window after something navigated it elsewhere.
 */
function isTrustedSender(
  event: IpcMainInvokeEvent,
  window: BrowserWindow | null,
  renderer: RendererLocation,
): boolean {
  if (window === null || window.isDestroyed()) return false
  const frame = event.senderFrame
  if (event.sender !== window.webContents || frame === null) return false
  if (frame.parent !== null) return false
  return isTrustedRendererUrl(frame.url, renderer)
}
