/**
 * "Hold notices until someone listens", written once. Notices often arise before anyone can hear
 * them (settings loaded and the cache opened at startup, a window still loading), and a notice is
 * said only once: unlike data, nothing re-reads it later. So they are kept, up to a limit, and
 * handed over when someone listens. Main, the settings store, the IPC binding and the sandboxed
 * preload all use this; it imports nothing, so the preload bundle stays small.
 */

/** Enough for every notice startup can raise; a flood beyond it is dropped, not kept forever. */
export const MAX_HELD = 20

/** What was said while nobody could hear it, oldest first, until it is released. */
export class HeldMessages<T> {
  private held: T[] = []

  constructor(private readonly max = MAX_HELD) {}

  /** Keeps `message` unless `max` are already held. */
  hold(message: T): void {
    if (this.held.length < this.max) this.held.push(message)
  }

  /** Everything held, oldest first; nothing is held afterwards. */
  release(): T[] {
    const released = this.held
    this.held = []
    return released
  }
}

/**
 * Listeners, and what was said while there were none: the first listener to come hears it. Only
 * what `emit` is told to hold is kept (a notice); the rest is dropped when nobody listens (data,
 * which the listener reads afresh when it starts).
 */
export class HeldUntilHeard<T> {
  private readonly listeners = new Set<(message: T) => void>()
  private readonly unheard: HeldMessages<T>

  constructor(max = MAX_HELD) {
    this.unheard = new HeldMessages<T>(max)
  }

  emit(message: T, { hold = true }: { hold?: boolean } = {}): void {
    if (this.listeners.size === 0) {
      if (hold) this.unheard.hold(message)
      return
    }
    // A copy: a listener may unsubscribe (or add another) while being told.
    for (const listener of [...this.listeners]) listener(message)
  }

  /** Adds `listener`, first telling it what nobody heard; returns the function that removes it. */
  on(listener: (message: T) => void): () => void {
    this.listeners.add(listener)
    for (const message of this.unheard.release()) listener(message)
    return () => {
      this.listeners.delete(listener)
    }
  }

  /** Forgets every listener and everything held. */
  clear(): void {
    this.listeners.clear()
    this.unheard.release()
  }
}
