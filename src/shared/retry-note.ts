import type { ProgressRetry } from './service-types'

/** One line for the CLI's progress and the window's library row: "page 12 timed out, retrying in 2 s (2/4)". */
export function retryNote(retry: ProgressRetry): string {
  const wait = retry.waitMs >= 1000 ? ` in ${Math.round(retry.waitMs / 1000)} s` : ''
  return `page ${retry.page} ${retry.reason}, retrying${wait} (${retry.attempt}/${retry.attempts})`
}
