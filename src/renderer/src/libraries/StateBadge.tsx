import { STATE_LABELS, type DisplayState } from './library-status'

export function StateBadge({ state }: { state: DisplayState }) {
  return (
    <span className={`badge badge-${state}`} data-testid="library-state" data-state={state}>
      {STATE_LABELS[state]}
    </span>
  )
}
