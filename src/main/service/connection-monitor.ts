import { connectionProblemOf } from '../../shared/connection-problem'
import type { ServiceEvents } from './events'
import type { ConnectionStatus, ServiceErrorInfo } from '../../shared/service-types'

type ServerSummary = NonNullable<ConnectionStatus['server']>

/**
 * Tracks whether Plex answered lately, and if not, why (see ConnectionProblem). Only a change of
 * state, kind or server is announced, so the tray and the window can show it without polling and
 * nothing flaps: `online` is called only after Plex accepted an authenticated request (an answer
 * from the token-free /identity proves nothing: a server in maintenance, or one refusing the token,
 * still answers it), and `offline` only after a failure the client's retries could not fix.
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
    this.replace({ state: configured ? 'online' : 'unconfigured', server })
  }

  /** Plex accepted an authenticated request: confirmed online. */
  online(server?: ServerSummary): void {
    const known = server ?? this.status.server
    this.replace({ state: 'online', server: known })
  }

  /** Learnt which server this is (from /identity or a connection test) without learning whether it serves us. */
  knowServer(server: ServerSummary): void {
    this.replace({ ...this.status, server })
  }

  offline(error: ServiceErrorInfo): void {
    const known = this.status.server
    this.replace({
      state: 'offline',
      server: known,
      lastError: error,
      problem: connectionProblemOf(error) ?? 'unreachable',
    })
  }

  private replace(next: ConnectionStatus): void {
    const changed = JSON.stringify(announced(next)) !== JSON.stringify(announced(this.status))
    this.status = next
    if (changed) this.events.emit({ type: 'connection', status: this.current() })
  }
}

/**
 * What a change is judged by. The error's wording is left out: the same outage says "timed out"
 * one time and "connection reset" the next, which is no news for the window or the tray.
 */
function announced({ state, server, problem }: ConnectionStatus) {
  return { state, server, problem }
}
