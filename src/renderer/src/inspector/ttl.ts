import { useEffect, useState } from 'react'
import { formatCountdown } from '../libraries/countdown-format'

/** Time left in the same clock style as the libraries' countdowns, or "expired". */
export function formatTtl(msLeft: number): string {
  return msLeft <= 0 ? 'expired' : formatCountdown(msLeft)
}

/**
 * The current time, re-read on every whole second. Aligning to the second boundary makes all
 * countdowns on screen change together instead of drifting apart.
 */
export function useSecondTick(): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    let timer = 0
    const schedule = () => {
      timer = window.setTimeout(
        () => {
          setNow(Date.now())
          schedule()
        },
        1000 - (Date.now() % 1000) + 5,
      )
    }
    schedule()
    return () => window.clearTimeout(timer)
  }, [])
  return now
}
