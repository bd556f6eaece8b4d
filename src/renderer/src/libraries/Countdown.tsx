import { formatCountdown } from '../timing/countdown-format'
import { useNow } from '../timing/useNow'

interface Props {
  expiresAt: number | null
  fetchedAt: number | null
}

/** Time left on a cached listing, ticking locally from expiresAt without asking main. */
export function Countdown({ expiresAt, fetchedAt }: Props) {
  const now = useNow()
  if (expiresAt === null) {
    return (
      <span className="countdown countdown-none" data-testid="library-countdown">
        —
      </span>
    )
  }
  // Until the first tick after a refresh, `now` may predate the fetch: never show more than the TTL.
  const left = Math.min(expiresAt - now, fetchedAt === null ? Infinity : expiresAt - fetchedAt)
  return (
    <time
      className={`countdown${left <= 0 ? ' countdown-over' : ''}`}
      dateTime={new Date(expiresAt).toISOString()}
      data-testid="library-countdown"
      title={`Expires at ${new Date(expiresAt).toLocaleString()}`}
    >
      {left <= 0 ? 'expired' : formatCountdown(left)}
    </time>
  )
}
