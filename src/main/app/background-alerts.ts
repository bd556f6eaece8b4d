import { problemCause } from '../../shared/connection-problem'
import type { ConnectionStatus } from '../../shared/service-types'

/** What the OS notification says; never the token, never Plex's own error text (it may hold an address). */
export interface BackgroundAlert {
  title: string
  body: string
}

export interface BackgroundAlertDeps {
  /** Whether the window is on screen now: while it is, the banner says it all. */
  isWindowVisible(): boolean
  /** The notifyWhenHidden setting, read at each change. */
  enabled(): boolean
  notify(alert: BackgroundAlert): void
}

const BODIES = {
  unreachable: 'Cached data is still served. Plex Cache keeps asking and tells you when it answers again.',
  'token-rejected': 'Cached data is still served. Open Plex Cache to sign in again or enter a new token.',
  certificate: "Cached data is still served. Open Plex Cache to see the server's certificate.",
  maintenance: 'Cached data is still served. Plex Cache keeps asking and tells you when it answers again.',
} as const

/**
 * Turns the connection status into OS notifications for failures met in the background (keep-warm,
 * a scheduled revalidation, a tray refresh) while the window is hidden: one per change of state or
 * kind of trouble, never one per failed request, and "answers again" only after a trouble that was
 * told. The status itself changes only on confirmed changes (see ConnectionMonitor).
 */
export class BackgroundAlerts {
  // The service starts out assuming Plex answers (see ConnectionMonitor); so does this.
  private lastKey = 'online'
  private toldTrouble = false

  constructor(private readonly deps: BackgroundAlertDeps) {}

  onConnection(status: ConnectionStatus): void {
    const key = status.state === 'offline' ? `offline:${status.problem ?? 'unreachable'}` : status.state
    const previous = this.lastKey
    this.lastKey = key
    if (key === previous) return
    const quiet = this.deps.isWindowVisible() || !this.deps.enabled()
    if (status.state === 'offline') {
      if (quiet) return
      const problem = status.problem ?? 'unreachable'
      const cause = problemCause(problem)
      this.deps.notify({
        title: `${cause[0]!.toUpperCase()}${cause.slice(1)}`,
        body: BODIES[problem],
      })
      this.toldTrouble = true
    } else if (status.state === 'online') {
      const told = this.toldTrouble
      this.toldTrouble = false
      if (told && !quiet)
        this.deps.notify({ title: 'Plex answers again', body: 'Libraries are kept fresh again.' })
    } else {
      this.toldTrouble = false
    }
  }
}
