import { STATE_DESCRIPTIONS, STATE_LABELS, type DisplayState } from './library-status'

export function StateBadge({ state }: { state: DisplayState }) {
  return (
    <span
      className={`badge badge-${state}`}
      data-testid="library-state"
      data-state={state}
      title={STATE_DESCRIPTIONS[state]}
    >
      <span className="badge-dot" aria-hidden="true" />
      {STATE_LABELS[state]}
    </span>
  )
}
