import { useCallback, useEffect, useRef } from 'react'

/**
 * Runs `run` at most once per intervalMs: the first call goes through at once, calls inside the
 * interval collapse into one trailing run. Stats events can arrive for every read a busy client
 * makes; the charts only need to follow them about once a second.
 */
export function useThrottledCallback(run: () => void, intervalMs: number): () => void {
  const latest = useRef(run)
  const lastRun = useRef(0)
  const timer = useRef<number | undefined>(undefined)

  useEffect(() => {
    latest.current = run
  })

  useEffect(
    () => () => {
      if (timer.current !== undefined) window.clearTimeout(timer.current)
    },
    [],
  )

  return useCallback(() => {
    if (timer.current !== undefined) return
    const wait = lastRun.current + intervalMs - Date.now()
    const fire = () => {
      timer.current = undefined
      lastRun.current = Date.now()
      latest.current()
    }
    if (wait <= 0) fire()
    else timer.current = window.setTimeout(fire, wait)
  }, [intervalMs])
}
