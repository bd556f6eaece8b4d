import { useCallback, useEffect, useRef } from 'react'
import type { ContractError, Envelope } from '../../../shared/contract'
import type { LibraryRow, ServiceStats, StatsBucket, StatsRange } from '../../../shared/service-types'
import { useBridge } from '../bridge/BridgeContext'
import { useBridgeEvent } from '../bridge/useBridgeEvent'
import { useConnection } from '../hooks/useConnection'
import { useReloadable } from '../hooks/useReloadable'
import { useToasts } from '../toasts/Toasts'
import { useThrottledCallback } from './useThrottledCallback'

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

// Live, but no faster than this: a busy client can cause many events a second.
const RELOAD_AT_MOST_EVERY_MS = 1000
// Even with no reads the chart's window moves on; re-read it each minute so the newest bucket appears.
const HISTORY_TICK_MS = 60_000

/** The figures the statistics view shows, re-read when the core reports new stats or changed data. */
export function useStatistics(range: StatsRange): Statistics {
  const bridge = useBridge()
  const toasts = useToasts()
  const connection = useConnection()

  const readStats = useCallback(() => bridge.stats(), [bridge])
  const readLibraries = useCallback(() => bridge.listLibraries(), [bridge])
  const readHistory = useCallback(async (): Promise<Envelope<History>> => {
    const result = await bridge.statsHistory({ range })
    return result.ok ? { ok: true, value: { range, buckets: result.value } } : result
  }, [bridge, range])
  const stats = useReloadable(readStats)
  const history = useReloadable(readHistory)
  const libraries = useReloadable(readLibraries)

  // useReloadable reads once on mount; a new range needs its own read.
  const firstRange = useRef(range)
  const reloadHistory = history.reload
  useEffect(() => {
    if (range !== firstRange.current) reloadHistory()
    firstRange.current = range
  }, [range, reloadHistory])

  const reloadFigures = useThrottledCallback(() => {
    stats.reload()
    history.reload()
  }, RELOAD_AT_MOST_EVERY_MS)
  useBridgeEvent('stats', reloadFigures)
  useBridgeEvent('changed', () => {
    reloadFigures()
    libraries.reload()
  })
  useBridgeEvent('connection', libraries.reload)

  useEffect(() => {
    const timer = window.setInterval(reloadHistory, HISTORY_TICK_MS)
    return () => window.clearInterval(timer)
  }, [reloadHistory])

  useErrorToast(stats.error)
  useErrorToast(history.error)
  useErrorToast(libraries.error)

  const reset = useCallback(async () => {
    const result = await bridge.resetStats()
    if (!result.ok) toasts.show('error', result.error.message)
    // The 'stats' event will follow too, but the person who pressed the button should see it at once.
    stats.reload()
    history.reload()
    return result.ok
  }, [bridge, history, stats, toasts])

  return {
    stats: stats.value,
    history: history.value,
    libraries: libraries.value,
    machineIdentifier: connection?.server?.machineIdentifier,
    reset,
  }
}

/** Each failed read is shown once, with the envelope's own message. */
function useErrorToast(error: ContractError | null) {
  const toasts = useToasts()
  useEffect(() => {
    if (error !== null) toasts.show('error', error.message)
  }, [error, toasts])
}
