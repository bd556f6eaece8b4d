import type { PublicSettings } from '../../../shared/contract'
import type { ConnectionStatus } from '../../../shared/service-types'

interface Props {
  status: ConnectionStatus | undefined
  settings: PublicSettings
  onDisconnect(): void
}

/** The server's name and whether it answers, in the header, with a way to disconnect. */
export function ConnectionStatusView({ status, settings, onDisconnect }: Props) {
  const state = status?.state ?? 'unknown'
  const label = { online: 'Online', offline: 'Offline', unconfigured: 'Not connected', unknown: 'Checking…' }[
    state
  ]
  return (
    <div className="connection" data-testid="connection-status" data-state={state}>
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

/** While Plex cannot be reached the cache keeps answering; say so, and why. */
export function OfflineBanner({ status }: { status: ConnectionStatus | undefined }) {
  if (status?.state !== 'offline') return null
  return (
    <div className="banner banner-offline" role="status" data-testid="offline-banner">
      <strong>Plex is unreachable.</strong> Showing cached data, which may be out of date.
      {status.lastError !== undefined && <span className="muted"> ({status.lastError.message})</span>}
    </div>
  )
}
