import type { RefreshRun } from '../../../shared/service-types'
import { OUTCOME_VISIBLE_MS, runLabel, runSummary } from './refresh-outcomes'
import './refresh-run.css'

interface Props {
  run: RefreshRun | undefined
  /** When this window saw the run end (Date.now()), for how long its summary stays. */
  endedAt: number | undefined
  /** A refresh this window asked for is under way (one library, or all of them). */
  busy: boolean
  now: number
  onCancel(): void
}

/**
 * Above the table while refreshing: "Refreshing Movies (1 of 4)" and a Cancel that stops the fetch
 * under way, keeping the cached copy; then, for a while, how the run ended.
 */
export function RefreshRunBar({ run, endedAt, busy, now, onCancel }: Props) {
  const label = runLabel(run)
  const active = run !== undefined && !run.finished
  const showSummary =
    run !== undefined && run.finished && endedAt !== undefined && now - endedAt < OUTCOME_VISIBLE_MS
  if (!active && !busy && !showSummary) return null
  return (
    <div className="refresh-run" data-testid="refresh-run">
      <span className="refresh-run-text" role="status" data-testid="refresh-run-status">
        {active || busy
          ? run?.cancelled
            ? 'Stopping…'
            : label !== undefined
              ? `Refreshing ${label}`
              : 'Refreshing…'
          : runSummary(run!)}
      </span>
      {(active || busy) && (
        <button
          type="button"
          className="button button-small"
          data-testid="refresh-cancel"
          title="Stop the fetch under way; the cached copy is kept"
          disabled={run?.cancelled === true && active}
          onClick={onCancel}
        >
          Cancel
        </button>
      )}
    </div>
  )
}
