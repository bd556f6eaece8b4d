import { useCallback, useState } from 'react'
import type { ContractError } from '../../../shared/contract'
import type { LibraryRow, ProgressRetry, RefreshOutcome, RefreshRun } from '../../../shared/service-types'
import { useBridge } from '../bridge/BridgeContext'
import { useBridgeEvent } from '../bridge/useBridgeEvent'
import { readOperations } from '../data/read-operations'
import { useRead } from '../data/useRead'
import { useToasts } from '../toasts/Toasts'
import type { RowOutcome } from './refresh-outcomes'
import { refreshFailureSummary } from './refresh-failure-summary'
import { useRefreshRun } from './useRefreshRun'

export interface Progress {
  fetched: number
  total: number
  /** Set while a page that failed is about to be tried again; the next progress clears it. */
  retry?: ProgressRetry
}

export interface LibrariesState {
  rows: LibraryRow[] | undefined
  error: ContractError | null
  /** Section keys with a refresh under way, started here or elsewhere (tray, keep-warm). */
  refreshing: ReadonlySet<string>
  progress: ReadonlyMap<string, Progress>
  /** The latest "Refresh all" (from here or the tray), for "Movies (1 of 4)" and the waiting rows. */
  run: RefreshRun | undefined
  /** When that run ended, seen from here; undefined while it runs. */
  runEndedAt: number | undefined
  /** True from a click on "Refresh all" until its run ends. */
  refreshingAll: boolean
  /** How each library's latest refresh ended, shown on its row for a while. */
  outcomes: ReadonlyMap<string, RowOutcome>
  refresh(key: string): Promise<void>
  /** Change-aware, like refresh; `refetch` fetches every library whole again (the contract's force). */
  refreshAll(options?: { refetch?: boolean }): Promise<void>
  clear(key: string): Promise<void>
  /** Stops the refreshes under way; what was cached stays. */
  cancel(): Promise<void>
  /** Re-reads the rows, e.g. when a countdown runs out and main's word on the state is wanted. */
  reload(): void
}

/** The library rows, re-read whenever the core says cached data, the connection or the settings changed (data/event-invalidations.ts). */
export function useLibraries(): LibrariesState {
  const bridge = useBridge()
  const toasts = useToasts()
  const libraries = useRead(readOperations.listLibraries(bridge))
  const [started, setStarted] = useState<ReadonlySet<string>>(new Set())
  const [progress, setProgress] = useState<ReadonlyMap<string, Progress>>(new Map())
  const [askedForAll, setAskedForAll] = useState(false)
  const runs = useRefreshRun()
  const { record, forget } = runs

  useBridgeEvent('progress', ({ library, fetched, total, retry }) => {
    setProgress((all) => new Map(all).set(library, retry ? { fetched, total, retry } : { fetched, total }))
  })

  const settle = useCallback(
    (keys: string[], outcomes: RefreshOutcome[]) => {
      record(outcomes)
      // One toast per action, however many libraries failed (each row shows its own outcome).
      const failures = refreshFailureSummary(outcomes)
      if (failures) toasts.show('error', failures.message, failures.cause ? { cause: failures.cause } : {})
      setStarted((all) => withoutKeys(all, keys))
      setProgress((all) => new Map([...all].filter(([key]) => !keys.includes(key))))
      libraries.reload()
    },
    [libraries, toasts, record],
  )

  // Change-aware: Plex is asked whether the library changed (two small requests) and it is fetched
  // again only if it did; a 100k library that did not change costs no pages.
  const refresh = useCallback(
    async (key: string) => {
      setStarted((all) => new Set(all).add(key))
      forget([key])
      const result = await bridge.refreshLibrary({ library: key })
      if (!result.ok) toasts.show('error', result.error.message)
      settle([key], result.ok ? [result.value] : [])
    },
    [bridge, settle, toasts, forget],
  )

  // The libraries wait their turn: the core's refreshRun event says which one is being refreshed.
  const refreshAll = useCallback(
    async ({ refetch = false }: { refetch?: boolean } = {}) => {
      const keys = (libraries.value ?? []).map((row) => row.key)
      setAskedForAll(true)
      forget(keys)
      const result = await bridge.refreshAll(refetch ? { force: true } : {})
      setAskedForAll(false)
      if (!result.ok) toasts.show('error', result.error.message)
      settle(keys, result.ok ? result.value : [])
    },
    [bridge, libraries.value, settle, toasts, forget],
  )

  const cancel = useCallback(async () => {
    const result = await bridge.cancelRefresh()
    if (!result.ok) toasts.show('error', result.error.message)
  }, [bridge, toasts])

  // The view asks first (a library of 100,000 items is slow to fetch again). The rows update through 'changed'.
  const clear = useCallback(
    async (key: string) => {
      const result = await bridge.clearLibrary({ library: key })
      if (!result.ok) toasts.show('error', result.error.message)
    },
    [bridge, toasts],
  )

  const refreshing = new Set(started)
  for (const row of libraries.value ?? []) if (row.state === 'refreshing') refreshing.add(row.key)
  const run = runs.run
  const runActive = run !== undefined && !run.finished
  for (const library of run?.libraries ?? [])
    if (runActive && library.status === 'running') refreshing.add(library.key)

  return {
    rows: libraries.value,
    error: libraries.error,
    refreshing,
    progress,
    run,
    runEndedAt: runs.endedAt,
    refreshingAll: askedForAll || runActive,
    outcomes: runs.outcomes,
    refresh,
    refreshAll,
    clear,
    cancel,
    reload: libraries.reload,
  }
}

function withoutKeys(set: ReadonlySet<string>, keys: string[]): ReadonlySet<string> {
  return new Set([...set].filter((key) => !keys.includes(key)))
}
