import type { QueryClient } from '@tanstack/react-query'
import { createThrottle, type Throttle } from '../../../shared/throttle'
import { MIN_GAP_MS } from './event-invalidations'
import type { ReadOperation } from './read-operations'

/**
 * Re-reads an operation's shown queries, one read at a time per operation: asks that arrive while
 * one runs (a burst of events, a button's own reload) become a single read after it, so nothing
 * that changed meanwhile is missed and nothing is read twice for one change.
 */
export class Invalidator {
  private readonly throttles = new Map<ReadOperation, Throttle>()

  constructor(private readonly client: QueryClient) {}

  invalidate(operation: ReadOperation): void {
    let throttle = this.throttles.get(operation)
    if (throttle === undefined) {
      throttle = createThrottle(
        () => this.client.invalidateQueries({ queryKey: [operation] }),
        MIN_GAP_MS[operation] ?? 0,
      )
      this.throttles.set(operation, throttle)
    }
    throttle.call()
  }

  dispose(): void {
    for (const throttle of this.throttles.values()) throttle.cancel()
    this.throttles.clear()
  }
}
