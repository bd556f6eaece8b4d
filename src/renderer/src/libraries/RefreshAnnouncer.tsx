import type { LibraryRow, RefreshRun } from '../../../shared/service-types'
import { outcomeText, runSummary, type RowOutcome } from './refresh-outcomes'

interface Props {
  outcomes: ReadonlyMap<string, RowOutcome>
  rows: readonly LibraryRow[] | undefined
  run: RefreshRun | undefined
}

/**
 * Tells screen readers how the latest refresh ended ("Movies: Fetched from Plex"), or sums up a
 * finished "Refresh all", in a polite live region: a row's note changing is not announced by itself.
 * The region is always in the page, so assistive tools are listening before its text changes.
 */
export function RefreshAnnouncer({ outcomes, rows, run }: Props) {
  return (
    <div
      className="visually-hidden"
      role="status"
      aria-live="polite"
      aria-atomic="true"
      data-testid="refresh-announcement"
    >
      {latestResult(outcomes, rows, run)}
    </div>
  )
}

function latestResult(
  outcomes: ReadonlyMap<string, RowOutcome>,
  rows: readonly LibraryRow[] | undefined,
  run: RefreshRun | undefined,
): string {
  let latest: { key: string; outcome: RowOutcome } | undefined
  for (const [key, outcome] of outcomes) {
    if (latest === undefined || outcome.at >= latest.outcome.at) latest = { key, outcome }
  }
  if (latest === undefined) return ''
  // The last library of a finished run: the summary says it and the rest at once.
  if (run?.finished && run.libraries.some((library) => library.key === latest.key)) return runSummary(run)
  const row = rows?.find((candidate) => candidate.key === latest.key)
  const title = row?.title ?? run?.libraries.find((library) => library.key === latest.key)?.title
  return `${title ?? 'Library'}: ${outcomeText(latest.outcome, row?.cached ?? false)}`
}
