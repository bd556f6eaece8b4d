import { failureCause } from '../../../shared/connection-problem'
import type { RefreshOutcome, ServiceErrorInfo } from '../../../shared/service-types'

export interface FailureSummary {
  message: string
  /** The failure behind it, when every library failed for the same one (a toast clears with it). */
  cause?: Pick<ServiceErrorInfo, 'code' | 'status'>
}

/**
 * One sentence for a refresh's failures, however many libraries it covered: "3 of 4 libraries could
 * not be refreshed: Plex is in maintenance (503)". Undefined when nothing failed; a cancelled
 * library is not a failure (the user stopped it).
 */
export function refreshFailureSummary(outcomes: readonly RefreshOutcome[]): FailureSummary | undefined {
  const failed = outcomes.filter((outcome) => outcome.outcome === 'failed')
  if (failed.length === 0) return undefined
  const byCause = new Map<string, RefreshOutcome[]>()
  for (const outcome of failed) {
    const cause = outcome.error ? failureCause(outcome.error) : 'the refresh failed'
    byCause.set(cause, [...(byCause.get(cause) ?? []), outcome])
  }
  const what =
    failed.length === 1 && outcomes.length === 1
      ? `${failed[0]!.title} could not be refreshed`
      : `${failed.length} of ${outcomes.length} ${outcomes.length === 1 ? 'library' : 'libraries'} could not be refreshed`
  if (byCause.size === 1) {
    const [cause] = byCause.keys()
    const error = failed[0]!.error
    return { message: `${what}: ${cause}`, cause: error }
  }
  // Different causes: each once, with the libraries it hit.
  const parts = [...byCause].map(
    ([cause, hit]) => `${cause} (${hit.map((outcome) => outcome.title).join(', ')})`,
  )
  return { message: `${what}: ${parts.join('; ')}` }
}
