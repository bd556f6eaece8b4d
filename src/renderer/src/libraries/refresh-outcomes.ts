import type { RefreshRun, RefreshRunStatus, ServiceErrorInfo } from '../../../shared/service-types'

/** How a library's last refresh from this window (or a "Refresh all" from anywhere) ended. */
export interface RowOutcome {
  status: 'fetched' | 'revalidated' | 'failed' | 'cancelled'
  error?: ServiceErrorInfo
  /** Date.now() when it ended: the note shows for OUTCOME_VISIBLE_MS, then goes. */
  at: number
}

/** Long enough to read every row after a "Refresh all" ends, short enough not to look current later. */
export const OUTCOME_VISIBLE_MS = 60_000

export function isDone(status: RefreshRunStatus): status is RowOutcome['status'] {
  return status !== 'waiting' && status !== 'running'
}

/** The sentence on the row: "Fetched from Plex", "Unchanged on the server", "Failed: <why>", "Cancelled; cached copy kept". */
export function outcomeText(outcome: RowOutcome, cached: boolean): string {
  switch (outcome.status) {
    case 'fetched':
      return 'Fetched from Plex'
    case 'revalidated':
      return 'Unchanged on the server'
    case 'failed':
      return `Failed: ${outcome.error?.message ?? 'the refresh did not finish.'}`
    case 'cancelled':
      return cached ? 'Cancelled; the cached copy was kept' : 'Cancelled'
  }
}

/** "Movies (1 of 4)" while a run is under way; undefined before it starts a library and once it ends. */
export function runLabel(run: RefreshRun | undefined): string | undefined {
  if (run === undefined || run.finished) return undefined
  const index = run.libraries.findIndex((library) => library.status === 'running')
  if (index < 0) return undefined
  return `${run.libraries[index]!.title} (${index + 1} of ${run.libraries.length})`
}

/** Where a queued library stands: "2 of 4". */
export function queuePosition(run: RefreshRun | undefined, key: string): string | undefined {
  if (run === undefined || run.finished) return undefined
  const index = run.libraries.findIndex((library) => library.key === key)
  if (index < 0 || run.libraries[index]!.status !== 'waiting') return undefined
  return `${index + 1} of ${run.libraries.length}`
}

/** One line once a run ended: "4 libraries: 1 fetched, 2 unchanged, 1 failed". */
export function runSummary(run: RefreshRun): string {
  const counts = new Map<string, number>()
  for (const library of run.libraries) {
    const word = { revalidated: 'unchanged' }[library.status as 'revalidated'] ?? library.status
    counts.set(word, (counts.get(word) ?? 0) + 1)
  }
  const parts = [...counts].map(([word, count]) => `${count} ${word}`)
  const total = run.libraries.length
  return `Refresh all ${run.cancelled ? 'stopped' : 'finished'}: ${total} ${total === 1 ? 'library' : 'libraries'}, ${parts.join(', ')}.`
}
