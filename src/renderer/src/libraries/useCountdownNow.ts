import { useEffect, useState } from 'react'

// A little past the boundary, so the ceiling has surely moved on when the timer fires.
const SLACK_MS = 5

/**
 * The current time for one countdown, updated exactly when its whole-second display changes
 * (expiresAt - now crossing a multiple of a second), so every second shows for a full second
 * instead of lagging behind a tick that runs at some unrelated phase. Stops once expired.
 */
export function useCountdownNow(expiresAt: number | null): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (expiresAt === null) return
    let timer: number | undefined
    const tick = () => {
      const current = Date.now()
      setNow(current)
      const left = expiresAt - current
      if (left > 0) timer = window.setTimeout(tick, (left % 1000 || 1000) + SLACK_MS)
    }
    const left = expiresAt - Date.now()
    timer = window.setTimeout(tick, left > 0 ? (left % 1000) + SLACK_MS : 0)
    return () => window.clearTimeout(timer)
  }, [expiresAt])
  return now
}
