import { formatCountdown } from '../timing/countdown-format'

/** Time left in the same clock style as the libraries' countdowns, or "expired". */
export function formatTtl(msLeft: number): string {
  return msLeft <= 0 ? 'expired' : formatCountdown(msLeft)
}
