/**
 * Keeps the tray's picture of the service current: loads it through the controller, follows the
 * service's events, and tracks the tray's own "Refresh all". Pure (no Electron), so it is tested
 * with a fake controller.
 */
import type { ArgsOf, EventMessage, OperationName, ResultOf } from '../../shared/contract'
import type { ConnectionStatus, LibraryRow, ServiceStats } from '../../shared/service-types'
import { createThrottle } from '../../shared/throttle'
import { INITIAL_TRAY_STATE, type TrayState, type TrayStats } from './tray-types'

/**
 * The part of the app controller the tray uses, typed by the contract as the controller is (the
 * tray sits beside the controller, not on it, so it names the slice instead of importing it).
 * Failures reject.
 */
export interface TrayController {
  run<K extends OperationName>(operation: K, args: ArgsOf<K>): Promise<ResultOf<K>>
  onEvent(listener: (message: EventMessage) => void): () => void
}

// A 50,000-item fetch reports progress many times a second; a tray menu needs no more than 4.
export const TRAY_UPDATE_INTERVAL_MS = 250

export class TrayStateSource {
  private state: TrayState = INITIAL_TRAY_STATE
  private loading: Promise<void> | undefined
  private loadAgain = false
  private disposed = false
  private readonly unsubscribe: () => void
  private readonly publishSoon = createThrottle(() => this.publish(), TRAY_UPDATE_INTERVAL_MS, {
    leading: true,
  })
  // `void`: reload folds overlapping loads itself, so the throttle need not wait for one to end.
  private readonly reloadSoon = createThrottle(() => void this.reload(), TRAY_UPDATE_INTERVAL_MS, {
    leading: true,
  })

  constructor(
    private readonly controller: TrayController,
    private readonly onChange: (state: TrayState) => void,
  ) {
    this.unsubscribe = controller.onEvent((message) => this.handle(message))
  }

  get current(): TrayState {
    return this.state
  }

  /** Loads the state; calls made while a load runs are folded into one more load after it. */
  reload(): Promise<void> {
    if (this.disposed) return Promise.resolve()
    if (this.loading) {
      this.loadAgain = true
      return this.loading
    }
    this.loading = this.loadUntilSettled().finally(() => {
      this.loading = undefined
    })
    return this.loading
  }

  /** Runs a refresh of every library, showing it as running until it ends. Rejects as the service does. */
  async refreshAll(): Promise<void> {
    if (this.state.refreshingAll) return
    this.update({ refreshingAll: true })
    try {
      await this.controller.run('refreshAll', {})
    } finally {
      this.update({ refreshingAll: false })
      void this.reload()
    }
  }

  dispose(): void {
    this.disposed = true
    this.unsubscribe()
    this.publishSoon.cancel()
    this.reloadSoon.cancel()
  }

  private handle(message: EventMessage): void {
    if (this.disposed) return
    switch (message.event) {
      case 'progress': {
        // Patched in place rather than re-read: progress is the one event that comes in floods.
        const { library, fetched, total } = message.payload
        this.state = {
          ...this.state,
          libraries: this.state.libraries.map(withProgress(library, fetched, total)),
        }
        this.publishSoon.call()
        return
      }
      case 'connection':
        this.state = { ...this.state, connection: message.payload }
        // Library states (stale or expired) depend on the connection, so re-read them too.
        this.reloadSoon.call()
        return
      case 'changed':
      case 'stats':
      case 'settings':
        this.reloadSoon.call()
        return
      case 'toolsProxy':
        this.update({ toolsProxy: message.payload })
        return
      case 'notice':
      case 'signIn':
      case 'refreshRun':
        return
    }
  }

  private async loadUntilSettled(): Promise<void> {
    do {
      this.loadAgain = false
      await this.loadOnce()
    } while (this.loadAgain && !this.disposed)
  }

  private async loadOnce(): Promise<void> {
    const [connection, libraries, stats, toolsProxy] = await Promise.allSettled([
      this.controller.run('connectionStatus', undefined),
      this.controller.run('listLibraries', undefined),
      this.controller.run('stats', undefined),
      this.controller.run('toolsProxyStatus', undefined),
    ])
    if (this.disposed) return
    // What could not be read keeps its last known value: a tray that blanks out on one failed
    // call would be less truthful than one that shows what it last knew.
    const next = { ...this.state }
    if (connection.status === 'fulfilled') next.connection = connection.value
    else if (next.connection === null) next.connection = unreachable(connection.reason)
    if (next.connection?.state === 'unconfigured') next.libraries = []
    else if (libraries.status === 'fulfilled') next.libraries = libraries.value
    if (stats.status === 'fulfilled') next.stats = trayStats(stats.value)
    if (toolsProxy.status === 'fulfilled') next.toolsProxy = toolsProxy.value
    this.state = next
    this.publish()
  }

  private update(change: Partial<TrayState>): void {
    if (this.disposed) return
    this.state = { ...this.state, ...change }
    this.publish()
  }

  private publish(): void {
    if (!this.disposed) this.onChange(this.state)
  }
}

function withProgress(library: string, fetched: number, total: number) {
  return (row: LibraryRow): LibraryRow =>
    row.key === library ? { ...row, state: 'refreshing', progress: { fetched, total } } : row
}

function trayStats(stats: ServiceStats): TrayStats {
  return {
    hitRate: stats.hitRate,
    lookups: stats.hits + stats.misses,
    bytes: stats.bytes,
    sizeLimitBytes: stats.sizeLimitBytes,
  }
}

function unreachable(reason: unknown): ConnectionStatus {
  const message = reason instanceof Error ? reason.message : String(reason)
  return { state: 'offline', lastError: { code: 'INTERNAL', message } }
}
