import { PlexTvError } from './errors'
import type { PlexTvClient, PlexTvPin } from './plextv-client'

export interface PinWaitOptions {
  signal?: AbortSignal
  /** Default 1 s, as Plex's own clients poll. */
  intervalMs?: number
  clock?: () => number
  /** Called before every poll with the milliseconds left until the PIN expires (for a countdown). */
  onTick?: (msLeft: number) => void
}

/**
 * Polls a PIN until the user approves it (resolves to the account token), it expires (PlexTvError
 * 'pin_expired') or the signal aborts (PlexTvError 'cancelled'). A poll that fails for a passing
 * reason (plex.tv busy, the network blinking) is tried again on the next tick.
 */
export async function waitForPinToken(
  client: PlexTvClient,
  pin: PlexTvPin,
  options: PinWaitOptions = {},
): Promise<string> {
  const intervalMs = options.intervalMs ?? 1000
  const clock = options.clock ?? Date.now
  const { signal } = options
  for (;;) {
    if (signal?.aborted) throw new PlexTvError('cancelled', 'Signing in was cancelled.')
    const msLeft = pin.expiresAt - clock()
    options.onTick?.(Math.max(0, msLeft))
    if (msLeft <= 0)
      throw new PlexTvError(
        'pin_expired',
        'The sign-in code expired before it was approved. Start signing in again.',
      )
    try {
      const checked = await client.checkPin(pin.id, signal)
      if (checked.authToken !== null) return checked.authToken
    } catch (error) {
      if (!(error instanceof PlexTvError) || error.code !== 'unavailable') throw error
    }
    await pause(intervalMs, signal)
  }
}

function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal?.addEventListener('abort', done, { once: true })
  })
}
