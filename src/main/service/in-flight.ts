/**
 * Request coalescing: while work under a key is running, later callers with the same key get the
 * same promise instead of starting their own Plex requests.
 */
export class InFlight {
  private readonly running = new Map<string, Promise<unknown>>()

  constructor(private readonly onJoin: (key: string) => void) {}

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const existing = this.running.get(key)
    if (existing) {
      this.onJoin(key)
      return existing as Promise<T>
    }
    const promise = (async () => work())().finally(() => {
      if (this.running.get(key) === promise) this.running.delete(key)
    })
    this.running.set(key, promise)
    return promise
  }

  has(key: string): boolean {
    return this.running.has(key)
  }

  /** Resolves once everything started so far has finished, whether it succeeded or not. */
  async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running.values()])
  }
}
