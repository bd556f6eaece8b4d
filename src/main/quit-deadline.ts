// Free of `electron` imports so the timing of the last step of quitting is tested under Node.

/** How long closing the cache may take before the app exits without waiting any longer. */
export const CLOSE_DEADLINE_MS = 5_000

export interface CloseThenQuitSteps {
  /** Closes the cache: flushes statistics, cancels requests. */
  close: () => Promise<void>
  /** Finishes quitting normally, once closing is over (or failed). */
  quit: () => void
  /** Ends the process at once, when closing has overrun the deadline. */
  exit: () => void
  log: (message: string, error?: unknown) => void
  deadlineMs?: number
}

/**
 * Closes, then quits; but a close that hangs (a stuck request, a locked file) must not leave a
 * process without a window or tray running forever, so past the deadline the app exits anyway.
 * Resolves with what happened.
 */
export function closeThenQuit({
  close,
  quit,
  exit,
  log,
  deadlineMs = CLOSE_DEADLINE_MS,
}: CloseThenQuitSteps): Promise<'quit' | 'exited'> {
  return new Promise((resolve) => {
    let settled = false
    const timer = setTimeout(() => {
      settled = true
      log(`plex-cache: closing the cache took longer than ${deadlineMs} ms; exiting without waiting`)
      exit()
      resolve('exited')
    }, deadlineMs)
    const finish = () => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      quit()
      resolve('quit')
    }
    close().then(finish, (error: unknown) => {
      if (!settled) log('plex-cache: closing failed:', error)
      finish()
    })
  })
}
