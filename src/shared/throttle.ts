export interface Throttle {
  /** Asks for a run: at once if allowed, else one run later that stands for every ask until then. */
  call(): void
  /** Drops a pending run; one already started finishes. */
  cancel(): void
}

export interface ThrottleOptions {
  /**
   * Run an ask at once, in the caller's turn, when the interval since the last run has passed
   * (the tray shows the first progress of a refresh without waiting). Without it the first ask
   * waits for the current task to end, so asks made together run once.
   */
  leading?: boolean
}

/**
 * Runs `run` at most once per intervalMs, and never while its previous run is still going (a run
 * that returns a promise goes on until it settles): asks that come meanwhile collapse into one
 * more run afterwards. A trailing run is never dropped, so whatever changed during a run is seen
 * by the next one, and a failing run does not stop later ones.
 * Events come in bursts (a refresh changes several things, a busy client causes a stats event per
 * read); whoever follows them (the window's data layer, the tray) needs to do so only once per burst.
 */
export function createThrottle(
  run: () => unknown,
  intervalMs: number,
  options: ThrottleOptions = {},
): Throttle {
  let running = false
  let wanted = false
  let lastStart = Number.NEGATIVE_INFINITY
  let timer: ReturnType<typeof setTimeout> | undefined

  const finish = () => {
    running = false
    if (wanted) schedule()
  }

  const start = () => {
    timer = undefined
    wanted = false
    running = true
    lastStart = Date.now()
    let result: unknown
    try {
      result = run()
    } catch {
      // As for a rejected run: the next ask still runs.
    }
    if (isThenable(result)) result.then(finish, finish)
    else finish()
  }

  const schedule = () => {
    if (timer === undefined) timer = setTimeout(start, Math.max(0, lastStart + intervalMs - Date.now()))
  }

  return {
    call() {
      wanted = true
      if (running || timer !== undefined) return
      if (options.leading && Date.now() >= lastStart + intervalMs) start()
      else schedule()
    },
    cancel() {
      wanted = false
      if (timer !== undefined) clearTimeout(timer)
      timer = undefined
    },
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function'
}
