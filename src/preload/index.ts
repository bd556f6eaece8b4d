import { contextBridge, ipcRenderer } from 'electron'
import { channelFor, EVENT_CHANNEL, EVENT_NAMES, OPERATION_NAMES } from '../shared/channels'
import type { EventMessage, EventName, PlexCacheBridge } from '../shared/contract'

// Runs sandboxed: only `electron` and what is bundled in (src/shared) are available. The renderer
// gets one plain function per contract operation plus on(); never ipcRenderer or a generic invoke,
// so a compromised page can reach exactly the contract and nothing else.

type Listener = (payload: unknown) => void

const listeners = new Map<EventName, Set<Listener>>(EVENT_NAMES.map((name) => [name, new Set<Listener>()]))
/** Notices that arrived before the page subscribed (main sends them once the page has loaded). */
let unheardNotices: unknown[] = []
const MAX_UNHEARD_NOTICES = 20

ipcRenderer.on(EVENT_CHANNEL, (_event, message: EventMessage) => {
  const subscribed = listeners.get(message?.event)
  if (subscribed === undefined) return
  if (subscribed.size === 0 && message.event === 'notice') {
    if (unheardNotices.length < MAX_UNHEARD_NOTICES) unheardNotices.push(message.payload)
    return
  }
  for (const listener of [...subscribed]) listener(message.payload)
})

function on(event: EventName, listener: Listener): () => void {
  const subscribed = listeners.get(event)
  if (subscribed === undefined) throw new TypeError(`Unknown Plex Cache event: ${String(event)}`)
  if (typeof listener !== 'function') throw new TypeError('The listener must be a function')
  subscribed.add(listener)
  if (event === 'notice') {
    const unheard = unheardNotices
    unheardNotices = []
    for (const payload of unheard) listener(payload)
  }
  return () => {
    subscribed.delete(listener)
  }
}

const operations = Object.fromEntries(
  OPERATION_NAMES.map((operation) => [
    operation,
    (args?: unknown) => ipcRenderer.invoke(channelFor(operation), args ?? {}),
  ]),
)

const plexCache = { ...operations, on } as unknown as PlexCacheBridge

contextBridge.exposeInMainWorld('plexCache', plexCache)
