import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fetch as undiciFetch } from 'undici'
import { createAppController, type AppController } from '../../src/main/app'
import { SettingsStore } from '../../src/main/settings'
import { createHandlerTable } from '../../src/main/ipc/handler-table'
import {
  OPERATION_NAMES,
  type EventName,
  type EventPayloads,
  type OperationName,
  type PlexCacheBridge,
} from '../../src/shared/contract'

export interface InProcessBridge {
  /** window.plexCache as the renderer sees it, over the real handler table instead of IPC. */
  bridge: PlexCacheBridge
  /** How many times the renderer called each operation since the last resetCounts(). */
  counts(): Partial<Record<OperationName, number>>
  resetCounts(): void
  /** Delivers one event to the renderer's listeners, as main's event hub would. */
  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void
  /** While held, answers wait (main is busy); release() lets them all through. */
  hold(): void
  release(): void
  close(): void | Promise<void>
}

/**
 * The renderer's transport without Electron or HTTP: each bridge call goes through the same
 * handler table (argument validation, envelopes) Electron's IPC binds, and the controller's events
 * reach the renderer's listeners. Calls are counted, so a test can see what each event made it read.
 */
export function inProcessBridge(controller: AppController): InProcessBridge {
  const handlers = createHandlerTable(controller)
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  let counts: Partial<Record<OperationName, number>> = {}
  let held: Promise<void> | null = null
  let releaseHeld = () => {}

  const emit = (event: string, payload: unknown) => {
    for (const listener of [...(listeners.get(event) ?? [])]) listener(payload)
  }
  const unsubscribe = controller.onEvent(({ event, payload }) => emit(event, payload))

  const bridge: Record<string, unknown> = {}
  for (const operation of OPERATION_NAMES) {
    bridge[operation] = async (args?: unknown) => {
      counts[operation] = (counts[operation] ?? 0) + 1
      const answer = await handlers[operation](args)
      if (held !== null) await held
      return answer
    }
  }
  bridge.on = (event: string, listener: (payload: unknown) => void) => {
    const set = listeners.get(event) ?? new Set()
    listeners.set(event, set)
    set.add(listener)
    return () => set.delete(listener)
  }

  return {
    bridge: bridge as unknown as PlexCacheBridge,
    counts: () => ({ ...counts }),
    resetCounts: () => {
      counts = {}
    },
    emit,
    hold: () => {
      held ??= new Promise((resolve) => (releaseHeld = resolve))
    },
    release: () => {
      held = null
      releaseHeld()
    },
    close: unsubscribe,
  }
}

export interface DemoCore extends InProcessBridge {
  controller: AppController
}

/**
 * The real core over a fresh temp folder, connected to the bundled demo server (a small fake Plex
 * on loopback), with the renderer's transport in front. close() stops it and removes the folder.
 */
export async function openDemoCore(): Promise<DemoCore> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plex-cache-renderer-'))
  const controller = await createAppController({
    dataDir,
    // undici's, not the global: a DOM test environment may replace the global fetch with its own.
    fetch: (url, init) => undiciFetch(url, init as never) as unknown as Promise<Response>,
    settingsStore: new SettingsStore({ file: path.join(dataDir, 'settings.json'), vault: null }),
    clientTuning: { retries: 1, sleep: async () => {}, timeoutMs: 5_000 },
    demoDataset: { movies: 40, shows: 2, seasonsPerShow: 1, episodesPerSeason: 3, artists: 2, photos: 0 },
  })
  await controller.run('useDemoServer', undefined)
  const transport = inProcessBridge(controller)
  return {
    ...transport,
    controller,
    close: async () => {
      transport.close()
      await controller.close()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
