import type { ReactNode } from 'react'
import appIcon from '../../../../resources/icon.png'
import './shell.css'

/** The header every view shares; `status` is what is known about the connection, if anything. */
export function AppHeader({ status }: { status?: ReactNode }) {
  return (
    <header className="app-header">
      <img className="app-icon" src={appIcon} alt="" width={48} height={48} />
      <div className="app-heading">
        <h1 className="app-title">Plex Cache</h1>
        <p className="app-subtitle">
          Your Plex libraries, kept on this computer and refreshed on your terms.
        </p>
      </div>
      {status !== undefined && <div className="app-status">{status}</div>}
    </header>
  )
}
