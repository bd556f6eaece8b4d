import { formatBytes } from '../../../shared/format'
import { tooLargeMessage, tooLargeNote } from '../../../shared/too-large'
import type { LibraryRow } from '../../../shared/service-types'
import { Countdown } from './Countdown'
import { formatAgo } from './countdown-format'
import { displayState } from './library-status'
import { LibraryIcon, libraryTypeName } from './LibraryIcon'
import { ProgressBar } from './ProgressBar'
import { StateBadge } from './StateBadge'
import type { Progress } from './useLibraries'

interface Props {
  row: LibraryRow
  now: number
  refreshing: boolean
  offline: boolean
  progress: Progress | undefined
  onRefresh(key: string): void
  onClear(key: string): void
}

export function LibraryRowView({ row, now, refreshing, offline, progress, onRefresh, onClear }: Props) {
  const state = displayState({ row, now, refreshing, offline })
  return (
    <li
      className="library-row"
      data-testid="library-row"
      data-library-key={row.key}
      data-state={state}
      aria-label={row.title}
    >
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
        {row.tooLarge && state !== 'refreshing' ? (
          <span
            className="library-too-large small"
            data-testid="library-too-large"
            title={tooLargeMessage(row.title, row.tooLarge)}
          >
            {tooLargeNote(row.tooLarge)}
          </span>
        ) : null}
      </div>
      <div className="library-number" data-testid="library-item-count">
        {row.itemCount === null ? <span className="muted">—</span> : row.itemCount.toLocaleString()}
      </div>
      <div className="library-number" data-testid="library-size">
        {row.cached ? formatBytes(row.bytes) : <span className="muted">—</span>}
      </div>
      <div className="library-expiry">
        <Countdown expiresAt={row.expiresAt} fetchedAt={row.fetchedAt} />
        <span className="muted small" data-testid="library-fetched">
          {row.fetchedAt === null ? 'never fetched' : `fetched ${formatAgo(now - row.fetchedAt)}`}
        </span>
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
        <button
          type="button"
          className="button button-small button-quiet"
          data-testid="library-clear"
          aria-label={`Clear ${row.title}`}
          disabled={!row.cached || refreshing}
          onClick={() => onClear(row.key)}
        >
          Clear
        </button>
      </div>
    </li>
  )
}
