/** Runs `fn` at most once per `intervalMs`: at once when idle, else once more at the end of the interval. */
export interface Throttled {
  (): void
  cancel(): void
}

export function throttle(fn: () => void, intervalMs: number): Throttled {
  let lastRun = -Infinity
  let timer: ReturnType<typeof setTimeout> | undefined

  const run = () => {
    timer = undefined
    lastRun = Date.now()
    fn()
  }
  const throttled = () => {
    if (timer !== undefined) return
    const wait = lastRun + intervalMs - Date.now()
    if (wait <= 0) run()
    else timer = setTimeout(run, wait)
  }
  throttled.cancel = () => {
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
  }
  return throttled
}
