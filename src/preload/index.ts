import { contextBridge, ipcRenderer } from 'electron'
import { channelFor, EVENT_CHANNEL, EVENT_NAMES, OPERATION_NAMES, type EventName } from '../shared/channels'
import type { EventMessage, PlexCacheBridge } from '../shared/contract'
import { HeldUntilHeard } from '../shared/held-until-heard'

// Runs sandboxed: only `electron` and what is bundled in (src/shared) are available. The renderer
// gets one plain function per contract operation plus on(); never ipcRenderer or a generic invoke,
// so a compromised page can reach exactly the contract and nothing else.

/**
 * Each event's listeners. Notices that arrive before the page listens for them are kept for its
 * first notice listener (main sends them once the page has loaded, which can be before it subscribes).
 */
const listeners = new Map<EventName, HeldUntilHeard<unknown>>(
  EVENT_NAMES.map((name) => [name, new HeldUntilHeard<unknown>()]),
)

ipcRenderer.on(EVENT_CHANNEL, (_event, message: EventMessage) => {
  // An unknown or malformed message goes no further than this lookup.
  const subscribed = listeners.get(message?.event)
  if (subscribed === undefined) return
  subscribed.emit(message.payload, { hold: message.event === 'notice' })
})

function on(event: EventName, listener: (payload: unknown) => void): () => void {
  const subscribed = listeners.get(event)
  if (subscribed === undefined) throw new TypeError(`Unknown Plex Cache event: ${String(event)}`)
  if (typeof listener !== 'function') throw new TypeError('The listener must be a function')
  return subscribed.on(listener)
}

const operations = Object.fromEntries(
  OPERATION_NAMES.map((operation) => [
    operation,
    (args?: unknown) => ipcRenderer.invoke(channelFor(operation), args ?? {}),
  ]),
)

const plexCache = { ...operations, on } as unknown as PlexCacheBridge

contextBridge.exposeInMainWorld('plexCache', plexCache)
