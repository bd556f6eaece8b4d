/**
 * A Retry-After header (RFC 9110 §10.2.3) as milliseconds from `now`: either delay-seconds or an
 * HTTP date. Undefined when absent or unreadable, so the caller falls back to its own backoff; a
 * date in the past means "now" (0).
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000
  // Only real dates: Date.parse accepts bare numbers with signs or decimals, which are not valid here.
  if (!/[a-z]/i.test(trimmed)) return undefined
  const at = Date.parse(trimmed)
  if (Number.isNaN(at)) return undefined
  return Math.max(0, at - now)
}
