/**
 * The init script that installs window.plexCache in the page, over the bridge's loopback transport.
 * It is the browser twin of src/preload/index.ts: one function per contract operation, each
 * resolving to the handler's Envelope, and on(event, listener) returning an unsubscribe function.
 *
 * installPlexCacheBridge runs in the page, not in Node: it is sent as source text
 * (initScriptSource), so it may use nothing from its module scope, only its parameters.
 */
import { OPERATION_NAMES } from '../shared/contract'

export const CALL_PATH = '/__bridge/call/'
export const EVENTS_PATH = '/__bridge/events'

// tsconfig.node.json has no DOM types, so the few browser members used here are declared locally.
interface BrowserMessageEvent {
  data: string
}
interface BrowserEventSource {
  onmessage: ((event: BrowserMessageEvent) => void) | null
  addEventListener(type: 'open', listener: () => void, options: { once: boolean }): void
}
interface BrowserGlobals {
  EventSource: new (url: string) => BrowserEventSource
  fetch(
    url: string,
    init: { method: string; headers: Record<string, string>; body: string },
  ): Promise<{
    json(): Promise<unknown>
  }>
  setTimeout(callback: () => void, ms: number): unknown
  console: { error(...values: unknown[]): void }
}

type Listener = (payload: unknown) => void

export function installPlexCacheBridge(
  operations: readonly string[],
  paths: { call: string; events: string },
) {
  const browser = globalThis as unknown as BrowserGlobals
  const listeners = new Map<string, Set<Listener>>()

  // One stream for all events, opened at once: a call waits (briefly) for it, so events that a
  // call causes, such as refresh progress, are never emitted before anyone can hear them.
  const source = new browser.EventSource(paths.events)
  const eventsOpen = new Promise<void>((done) => {
    source.addEventListener('open', () => done(), { once: true })
    browser.setTimeout(done, 2000)
  })
  source.onmessage = (message) => {
    const { event, payload } = JSON.parse(message.data) as { event: string; payload: unknown }
    for (const listener of [...(listeners.get(event) ?? [])]) {
      try {
        listener(payload)
      } catch (error) {
        browser.console.error(error)
      }
    }
  }

  const call = async (operation: string, args: unknown) => {
    await eventsOpen
    try {
      const response = await browser.fetch(paths.call + operation, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: args === undefined ? '' : JSON.stringify(args),
      })
      return await response.json()
    } catch {
      // The same shape as every other failure, so the renderer has one error path to show.
      return {
        ok: false,
        error: {
          code: 'INTERNAL',
          message: 'Lost the connection to Plex Cache (the browser bridge stopped).',
        },
      }
    }
  }

  const bridge: Record<string, unknown> = {}
  for (const operation of operations) bridge[operation] = (args?: unknown) => call(operation, args)
  bridge.on = (event: string, listener: Listener) => {
    const set = listeners.get(event) ?? new Set<Listener>()
    listeners.set(event, set)
    set.add(listener)
    return () => {
      set.delete(listener)
    }
  }
  Object.defineProperty(globalThis, 'plexCache', { value: Object.freeze(bridge), enumerable: true })
}

/** The script served as /__bridge/init.js. */
export function initScriptSource(): string {
  const args = [JSON.stringify(OPERATION_NAMES), JSON.stringify({ call: CALL_PATH, events: EVENTS_PATH })]
  // tsx (esbuild with keepNames) may wrap functions in __name(...), which the page lacks: give it a no-op.
  return `(() => {\n  const __name = (target) => target\n  ;(${installPlexCacheBridge.toString()})(${args.join(', ')})\n})()\n`
}
