import type { PublicSettings } from '../../../shared/contract'
import type { ConnectionProblem, ConnectionStatus } from '../../../shared/service-types'

interface Props {
  status: ConnectionStatus | undefined
  settings: PublicSettings
  onDisconnect(): void
}

/** One short word or two for the header; the banner below says more and offers the action. */
const PROBLEM_LABELS: Record<ConnectionProblem, string> = {
  unreachable: 'Unreachable',
  'token-rejected': 'Token rejected',
  certificate: 'Certificate refused',
  maintenance: 'Maintenance',
}

/** The server's name and whether it answers, in the header, with a way to disconnect. */
export function ConnectionStatusView({ status, settings, onDisconnect }: Props) {
  const state = status?.state ?? 'unknown'
  const label =
    state === 'offline' && status?.problem !== undefined
      ? PROBLEM_LABELS[status.problem]
      : { online: 'Online', offline: 'Offline', unconfigured: 'Not connected', unknown: 'Checking…' }[state]
  return (
    <div
      className="connection"
      data-testid="connection-status"
      data-state={state}
      data-problem={status?.problem ?? ''}
    >
      <div className="connection-text">
        <span className="connection-server" data-testid="connection-server">
          {/* Plex's /identity carries no name, so a server known only from it has an empty one. */}
          {status?.server?.friendlyName || settings.serverUrl}
          {settings.demo && <span className="tag">Demo</span>}
        </span>
        <span className={`connection-state connection-${state}`}>
          <span className="dot" aria-hidden="true" />
          {label}
          {status?.server !== undefined && <span className="muted"> · Plex {status.server.version}</span>}
        </span>
      </div>
      <button type="button" className="button button-small" data-testid="disconnect" onClick={onDisconnect}>
        Disconnect
      </button>
    </div>
  )
}
