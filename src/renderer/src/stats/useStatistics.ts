import { keepPreviousData } from '@tanstack/react-query'
import { useCallback } from 'react'
import type { LibraryRow, ServiceStats, StatsBucket, StatsRange } from '../../../shared/service-types'
import { useBridge } from '../bridge/BridgeContext'
import { useInvalidator } from '../data/DataProvider'
import { readOperations } from '../data/read-operations'
import { useErrorToast } from '../data/useErrorToast'
import { useRead } from '../data/useRead'
import { useConnection } from '../hooks/useConnection'
import { useToasts } from '../toasts/Toasts'

export interface History {
  range: StatsRange
  buckets: StatsBucket[]
}

export interface Statistics {
  stats: ServiceStats | undefined
  /** The history of the range last read; it may briefly lag the chosen range while the new one loads. */
  history: History | undefined
  libraries: LibraryRow[] | undefined
  machineIdentifier: string | undefined
  reset(): Promise<boolean>
}

// Even with no reads the chart's window moves on; re-read it each minute so the newest bucket appears.
const HISTORY_TICK_MS = 60_000

/**
 * The figures the statistics view shows. Events re-read them (data/event-invalidations.ts, at most
 * once a second for stats); this hook only adds the history's minute tick.
 */
export function useStatistics(range: StatsRange): Statistics {
  const bridge = useBridge()
  const toasts = useToasts()
  const invalidator = useInvalidator()
  const connection = useConnection()

  const stats = useRead(readOperations.stats(bridge))
  const history = useRead({
    ...readOperations.statsHistory(bridge, range),
    placeholderData: keepPreviousData,
    refetchInterval: HISTORY_TICK_MS,
  })
  const libraries = useRead(readOperations.listLibraries(bridge))

  useErrorToast(stats.error)
  useErrorToast(history.error)
  useErrorToast(libraries.error)

  const reset = useCallback(async () => {
    const result = await bridge.resetStats()
    if (!result.ok) toasts.show('error', result.error.message)
    // The 'stats' event will follow too, but the person who pressed the button should see it at once.
    invalidator.invalidate('stats')
    invalidator.invalidate('statsHistory')
    return result.ok
  }, [bridge, invalidator, toasts])

  return {
    stats: stats.value,
    history: history.value,
    libraries: libraries.value,
    machineIdentifier: connection?.server?.machineIdentifier,
    reset,
  }
}
