import { ServiceError } from './errors'

/**
 * The user's Cancel for library fetches: each fetch (or revalidation) runs with a signal from here
 * while it talks to Plex, and cancelAll() aborts every one under way. A cancelled run rejects with
 * CANCELLED even when Plex answered just before, so nothing fetched after the click is stored.
 */
export class RefreshCancels {
  private readonly running = new Set<AbortController>()

  async run<T>(title: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController()
    this.running.add(controller)
    try {
      const result = await work(controller.signal)
      if (controller.signal.aborted) throw cancelled(title)
      return result
    } catch (error) {
      if (controller.signal.aborted) throw cancelled(title)
      throw error
    } finally {
      this.running.delete(controller)
    }
  }

  /** Aborts every run under way; returns how many there were. */
  cancelAll(): number {
    const count = this.running.size
    for (const controller of this.running) controller.abort()
    this.running.clear()
    return count
  }
}

export function cancelled(title: string): ServiceError {
  return new ServiceError('CANCELLED', `Refreshing "${title}" was cancelled; the cached copy was kept.`)
}
