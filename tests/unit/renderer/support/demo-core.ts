import type {
  EventName,
  EventPayloads,
  OperationName,
  PlexCacheBridge,
} from '../../../../src/shared/contract'

/** What a renderer test uses of tests/support/in-process-bridge.ts (its DemoCore), in DOM-side types. */
export interface DemoCore {
  bridge: PlexCacheBridge
  controller: { run(operation: OperationName, args: unknown): Promise<unknown> }
  counts(): Partial<Record<OperationName, number>>
  resetCounts(): void
  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void
  hold(): void
  release(): void
  close(): Promise<void>
}

// The core is Node code, type-checked by tsconfig.node.json; this DOM-typed side loads it by path
// so that the web project does not type-check main-process code against DOM types.
const CORE_MODULE = '../../../support/in-process-bridge.ts'

/** The real core (settings, SQLite cache, demo Plex on loopback) behind a counting in-process bridge. */
export async function openDemoCore(): Promise<DemoCore> {
  const core = (await import(/* @vite-ignore */ CORE_MODULE)) as { openDemoCore(): Promise<DemoCore> }
  return core.openDemoCore()
}

/** Installs the bridge where the app looks for it, as the preload script does. */
export function installBridge(bridge: PlexCacheBridge | undefined): void {
  Object.defineProperty(window, 'plexCache', { value: bridge, configurable: true, writable: true })
}

/** Resolves once `counts` has not changed for quietMs: the window has read all it is going to. */
export async function settled(core: DemoCore, quietMs = 300, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let last = JSON.stringify(core.counts())
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, quietMs))
    const now = JSON.stringify(core.counts())
    if (now === last) return
    if (Date.now() > deadline) throw new Error(`reads never settled: ${now}`)
    last = now
  }
}
