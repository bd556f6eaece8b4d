/**
 * Clock-style durations for live countdowns: "0:07", "59:58", "1:02:03", "2d 03:04:05". Unlike
 * formatDuration (shared with the CLI), seconds are always shown, so a countdown visibly ticks.
 */
export function formatCountdown(ms: number): string {
  // Ceiling, so "0:00" is shown only once the time is really up, never a second early.
  const total = Math.max(0, Math.ceil(ms / 1000))
  const days = Math.floor(total / 86_400)
  const hours = Math.floor((total % 86_400) / 3600)
  const minutes = Math.floor((total % 3600) / 60)
  const seconds = total % 60
  const ss = pad(seconds)
  if (days > 0) return `${days}d ${pad(hours)}:${pad(minutes)}:${ss}`
  if (hours > 0) return `${hours}:${pad(minutes)}:${ss}`
  return `${minutes}:${ss}`
}

/** "just now", "3 minutes ago", "2 hours ago", "5 days ago": how old a cached copy is. */
export function formatAgo(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000))
  if (seconds < 45) return 'just now'
  const minutes = Math.max(1, Math.round(seconds / 60))
  if (minutes < 60) return plural(minutes, 'minute')
  const hours = Math.round(minutes / 60)
  if (hours < 24) return plural(hours, 'hour')
  return plural(Math.round(hours / 24), 'day')
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'} ago`
}

function pad(value: number): string {
  return String(value).padStart(2, '0')
}
