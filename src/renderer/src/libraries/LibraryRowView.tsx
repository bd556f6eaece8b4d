import { useId } from 'react'
import { formatBytes } from '../../../shared/format'
import { tooLargeMessage, tooLargeNote } from '../../../shared/too-large'
import type { LibraryRow } from '../../../shared/service-types'
import { Countdown } from './Countdown'
import { SmallButton } from '../controls/SmallButton'
import { toneClass, type Tone } from '../controls/tone'
import { formatAgo } from '../timing/countdown-format'
import { displayState } from './library-status'
import { LibraryIcon, libraryTypeName } from './LibraryIcon'
import { ProgressBar } from './ProgressBar'
import { OUTCOME_VISIBLE_MS, outcomeText, type RowOutcome } from './refresh-outcomes'
import { StateBadge } from './StateBadge'
import type { Progress } from './useLibraries'

/** A library's icon is tinted by its type, so movies, shows and music tell apart at a glance. */
const TYPE_TONES: Partial<Record<string, Tone>> = { movie: 'warning', show: 'info', artist: 'success' }

interface Props {
  row: LibraryRow
  now: number
  refreshing: boolean
  offline: boolean
  progress: Progress | undefined
  /** Its place in a "Refresh all" while it waits its turn: "2 of 4". */
  waiting?: string | undefined
  /** How its latest refresh ended; shown for a while after. */
  outcome?: RowOutcome | undefined
  onRefresh(key: string): void
  onClear(key: string): void
}

export function LibraryRowView(props: Props) {
  const { row, now, refreshing, offline, progress, waiting, outcome, onRefresh, onClear } = props
  const titleId = useId()
  const state =
    waiting !== undefined && !refreshing ? 'waiting' : displayState({ row, now, refreshing, offline })
  const showOutcome =
    outcome !== undefined &&
    state !== 'refreshing' &&
    state !== 'waiting' &&
    now - outcome.at < OUTCOME_VISIBLE_MS
  return (
    <div
      className="library-row"
      role="row"
      data-testid="library-row"
      data-library-key={row.key}
      data-state={state}
      aria-labelledby={titleId}
    >
      <div className="library-name" role="rowheader">
        <span className={`library-type library-type-${row.type}${toneClass(TYPE_TONES[row.type])}`}>
          <LibraryIcon type={row.type} />
        </span>
        <div className="library-name-text">
          <span className="library-title" id={titleId} data-testid="library-title">
            {row.title}
          </span>
          <span className="muted small">{libraryTypeName(row.type)}</span>
          {/* The narrow layout hides the Items and Size columns and shows them here instead. */}
          <span className="library-figures muted small" data-testid="library-figures">
            {libraryFigures(row)}
          </span>
        </div>
      </div>
      <div className="library-state" role="cell">
        {state === 'refreshing' ? (
          <ProgressBar label={`Refreshing ${row.title}`} progress={progress ?? row.progress} />
        ) : (
          <StateBadge state={state} />
        )}
        {state === 'waiting' && (
          <span className="library-waiting" data-testid="library-waiting">
            {waiting} in Refresh all
          </span>
        )}
        {showOutcome && (
          <span className="library-outcome" data-testid="library-outcome" data-outcome={outcome.status}>
            {outcomeText(outcome, row.cached)}
          </span>
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
      <div className="library-number" role="cell" data-testid="library-item-count">
        {row.itemCount === null ? <span className="muted">—</span> : row.itemCount.toLocaleString()}
      </div>
      <div className="library-number" role="cell" data-testid="library-size">
        {row.cached ? formatBytes(row.bytes) : <span className="muted">—</span>}
      </div>
      <div className="library-expiry" role="cell">
        <Countdown expiresAt={row.expiresAt} fetchedAt={row.fetchedAt} />
        <span className="muted small" data-testid="library-fetched">
          {row.fetchedAt === null ? 'never fetched' : `fetched ${formatAgo(now - row.fetchedAt)}`}
        </span>
      </div>
      <div className="library-actions" role="cell">
        <SmallButton
          label={`Refresh ${row.title}`}
          testId="library-refresh"
          disabled={refreshing || state === 'waiting'}
          onClick={() => onRefresh(row.key)}
        >
          Refresh
        </SmallButton>
        <SmallButton
          tone="quiet"
          label={`Clear ${row.title}`}
          testId="library-clear"
          disabled={!row.cached || refreshing || state === 'waiting'}
          onClick={() => onClear(row.key)}
        >
          Clear
        </SmallButton>
      </div>
    </div>
  )
}

/** Items and size on one line, for the narrow layout: "3,000 items · 1.2 MB", or "not cached". */
function libraryFigures(row: LibraryRow): string {
  if (row.itemCount === null) return 'not cached'
  const items = `${row.itemCount.toLocaleString()} ${row.itemCount === 1 ? 'item' : 'items'}`
  return row.cached ? `${items} · ${formatBytes(row.bytes)}` : items
}
