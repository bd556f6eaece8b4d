import type { ServiceEvents } from './events'
import type { ConnectionStatus, ServiceErrorInfo } from './types'

type ServerSummary = NonNullable<ConnectionStatus['server']>

/**
 * Tracks whether Plex answered lately. Only a change is announced, so the tray and the window can
 * show online/offline without polling.
 */
export class ConnectionMonitor {
  private status: ConnectionStatus

  constructor(
    private readonly events: ServiceEvents,
    configured: boolean,
  ) {
    // Until Plex has been asked, assume it is reachable: "offline" would be a guess that pauses upkeep.
    this.status = { state: configured ? 'online' : 'unconfigured' }
  }

  current(): ConnectionStatus {
    return structuredClone(this.status)
  }

  get isOffline(): boolean {
    return this.status.state === 'offline'
  }

  reset(configured: boolean, server?: ServerSummary): void {
    this.replace({ state: configured ? 'online' : 'unconfigured', ...(server ? { server } : {}) })
  }

  online(server?: ServerSummary): void {
    const known = server ?? this.status.server
    this.replace({ state: 'online', ...(known ? { server: known } : {}) })
  }

  offline(error: ServiceErrorInfo): void {
    const known = this.status.server
    this.replace({ state: 'offline', ...(known ? { server: known } : {}), lastError: error })
  }

  private replace(next: ConnectionStatus): void {
    const changed = JSON.stringify(next) !== JSON.stringify(this.status)
    this.status = next
    if (changed) this.events.emit({ type: 'connection', status: this.current() })
  }
}
