import { useCallback, useState } from 'react'
import type { RefreshOutcome, RefreshRun } from '../../../shared/service-types'
import { useBridgeEvent } from '../bridge/useBridgeEvent'
import { isDone, type RowOutcome } from './refresh-outcomes'

export interface RefreshRunState {
  /** The latest "Refresh all", started here or in the tray; kept after it ends for its summary. */
  run: RefreshRun | undefined
  /** When this window saw that run end (Date.now()); undefined while it runs. */
  endedAt: number | undefined
  /** Each library's latest outcome, by section key. */
  outcomes: ReadonlyMap<string, RowOutcome>
  /** Records the outcomes of refreshes this window asked for one by one. */
  record(outcomes: readonly RefreshOutcome[]): void
  /** Forgets a library's outcome when a new refresh of it starts. */
  forget(keys: readonly string[]): void
}

/** Follows the core's refreshRun event and keeps how each library's refresh ended. */
export function useRefreshRun(): RefreshRunState {
  const [run, setRun] = useState<RefreshRun | undefined>(undefined)
  const [endedAt, setEndedAt] = useState<number | undefined>(undefined)
  const [outcomes, setOutcomes] = useState<ReadonlyMap<string, RowOutcome>>(new Map())

  useBridgeEvent('refreshRun', (next) => {
    setRun(next)
    setEndedAt(next.finished ? Date.now() : undefined)
    setOutcomes((all) => {
      const updated = new Map(all)
      for (const library of next.libraries) {
        if (isDone(library.status)) {
          const known = all.get(library.key)
          // Kept as is when already known, so its time (and so how long it shows) does not move.
          if (known?.status !== library.status)
            updated.set(library.key, {
              status: library.status,
              at: Date.now(),
              error: library.error,
            })
        } else updated.delete(library.key)
      }
      return updated
    })
  })

  const record = useCallback((ended: readonly RefreshOutcome[]) => {
    setOutcomes((all) => {
      const updated = new Map(all)
      for (const outcome of ended)
        updated.set(outcome.key, {
          status: outcome.outcome,
          at: Date.now(),
          error: outcome.error,
        })
      return updated
    })
  }, [])

  const forget = useCallback((keys: readonly string[]) => {
    setOutcomes((all) => new Map([...all].filter(([key]) => !keys.includes(key))))
  }, [])

  return { run, endedAt, outcomes, record, forget }
}
