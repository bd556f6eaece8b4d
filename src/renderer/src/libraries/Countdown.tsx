import { formatDuration } from '../../../shared/format'

/** Time left on a cached listing, from expiresAt and the locally ticking clock. */
export function Countdown({ expiresAt, now }: { expiresAt: number | null; now: number }) {
  if (expiresAt === null) return <span className="muted">—</span>
  const left = expiresAt - now
  return (
    <time
      className={`countdown${left <= 0 ? ' countdown-over' : ''}`}
      dateTime={new Date(expiresAt).toISOString()}
      data-testid="library-countdown"
      title={`Expires at ${new Date(expiresAt).toLocaleString()}`}
    >
      {left <= 0 ? 'expired' : formatDuration(left)}
    </time>
  )
}
