import { useSyncExternalStore } from 'react'

// A little past the boundary, so a display rounded to whole seconds has surely moved on.
const SLACK_MS = 5

/**
 * One clock for the whole window. Every countdown and "expires in" reads the same `now`, which
 * ticks on whole wall-clock seconds, so they all change together. It only runs while someone
 * listens and the page is visible: a hidden window costs no timers, and on showing again `now`
 * jumps straight to the present.
 */
class SharedClock {
  private now = Date.now()
  private readonly listeners = new Set<() => void>()
  private timer: ReturnType<typeof setTimeout> | undefined

  read = (): number => {
    // Unwatched, the stored time may be old; catch up, but only per second, so that two reads
    // within one render agree (useSyncExternalStore requires a stable snapshot).
    if (this.timer === undefined && Math.floor(Date.now() / 1000) !== Math.floor(this.now / 1000)) {
      this.now = Date.now()
    }
    return this.now
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    if (this.listeners.size === 1) {
      document.addEventListener('visibilitychange', this.onVisibility)
      this.resume()
    }
    return () => {
      this.listeners.delete(listener)
      if (this.listeners.size > 0) return
      document.removeEventListener('visibilitychange', this.onVisibility)
      this.pause()
    }
  }

  private readonly onVisibility = () => {
    if (document.hidden) this.pause()
    else this.resume()
  }

  private resume() {
    if (document.hidden || this.timer !== undefined) return
    this.tick()
  }

  private pause() {
    if (this.timer !== undefined) clearTimeout(this.timer)
    this.timer = undefined
  }

  private readonly tick = () => {
    const current = Date.now()
    const moved = Math.floor(current / 1000) !== Math.floor(this.now / 1000)
    this.now = current
    this.timer = setTimeout(this.tick, 1000 - (current % 1000) + SLACK_MS)
    if (moved) for (const listener of [...this.listeners]) listener()
  }
}

const clock = new SharedClock()

/** The current time in ms, re-rendering the caller once per whole second while the page is visible. */
export function useNow(): number {
  return useSyncExternalStore(clock.subscribe, clock.read)
}
