import { formatBytes, formatDuration } from '../../../shared/format'
import type { LibraryRow } from '../../../shared/service-types'
import { Countdown } from './Countdown'
import { displayState } from './library-status'
import { LibraryIcon, libraryTypeName } from './LibraryIcon'
import { ProgressBar } from './ProgressBar'
import { StateBadge } from './StateBadge'
import type { Progress } from './useLibraries'

interface Props {
  row: LibraryRow
  now: number
  refreshing: boolean
  progress: Progress | undefined
  onRefresh(key: string): void
}

export function LibraryRowView({ row, now, refreshing, progress, onRefresh }: Props) {
  const state = displayState(row, now, refreshing)
  return (
    <li className="library-row" data-testid="library-row" data-library-key={row.key} aria-label={row.title}>
      <div className="library-name">
        <span className={`library-type library-type-${row.type}`}>
          <LibraryIcon type={row.type} />
        </span>
        <div className="library-name-text">
          <span className="library-title" data-testid="library-title">
            {row.title}
          </span>
          <span className="muted small">{libraryTypeName(row.type)}</span>
        </div>
      </div>
      <div className="library-state">
        {state === 'refreshing' ? (
          <ProgressBar label={`Refreshing ${row.title}`} progress={progress ?? row.progress} />
        ) : (
          <StateBadge state={state} />
        )}
      </div>
      <div className="library-number" data-testid="library-item-count">
        {row.itemCount === null ? <span className="muted">—</span> : row.itemCount.toLocaleString()}
      </div>
      <div className="library-number" data-testid="library-size">
        {row.cached ? formatBytes(row.bytes) : <span className="muted">—</span>}
      </div>
      <div className="library-expiry">
        <Countdown expiresAt={row.expiresAt} now={now} />
        {row.fetchedAt !== null && (
          <span className="muted small">fetched {formatDuration(Math.max(0, now - row.fetchedAt))} ago</span>
        )}
      </div>
      <div className="library-actions">
        <button
          type="button"
          className="button button-small"
          data-testid="library-refresh"
          aria-label={`Refresh ${row.title}`}
          disabled={refreshing}
          onClick={() => onRefresh(row.key)}
        >
          Refresh
        </button>
      </div>
    </li>
  )
}
