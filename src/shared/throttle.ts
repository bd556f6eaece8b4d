export interface Throttle {
  /** Asks for a run: at once if allowed, else one run later that stands for every ask until then. */
  call(): void
  /** Drops a pending run; one already started finishes. */
  cancel(): void
}

/**
 * Runs `run` at most once per intervalMs, and never while its previous run is still going: the
 * first ask runs as soon as the current task ends (so asks made together run once), asks that come
 * meanwhile collapse into one more run afterwards. A trailing run is never dropped, so whatever
 * changed during a run is seen by the next one.
 * Events come in bursts (a refresh changes several things, a busy client causes a stats event per
 * read); whoever follows them (the window's data layer) needs to do so only once per burst. Shared
 * so the main process can use the same one.
 */
export function createThrottle(run: () => unknown, intervalMs: number): Throttle {
  let running = false
  let wanted = false
  let lastStart = Number.NEGATIVE_INFINITY
  let timer: ReturnType<typeof setTimeout> | undefined

  const start = () => {
    timer = undefined
    wanted = false
    running = true
    lastStart = Date.now()
    void Promise.resolve()
      .then(run)
      .catch(() => {})
      .finally(() => {
        running = false
        if (wanted) schedule()
      })
  }

  const schedule = () => {
    if (timer === undefined) timer = setTimeout(start, Math.max(0, lastStart + intervalMs - Date.now()))
  }

  return {
    call() {
      wanted = true
      if (!running) schedule()
    },
    cancel() {
      wanted = false
      if (timer !== undefined) clearTimeout(timer)
      timer = undefined
    },
  }
}
