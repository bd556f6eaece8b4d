import type { Page, Request } from '@playwright/test'
import { CALL_PATH } from '../../../src/web-bridge/browser-client'

/**
 * Counts the window's bridge calls by operation, as the browser sends them (one POST to
 * /__bridge/call/<operation> each): what the renderer reads, seen from outside it.
 */
export class BridgeCalls {
  private counts = new Map<string, number>()
  private total = 0

  constructor(page: Page) {
    page.on('request', (request: Request) => {
      const path = new URL(request.url()).pathname
      if (!path.startsWith(CALL_PATH)) return
      const operation = path.slice(CALL_PATH.length)
      this.counts.set(operation, (this.counts.get(operation) ?? 0) + 1)
      this.total++
    })
  }

  /** Calls per operation since the last reset, e.g. { listLibraries: 1, stats: 1 }. */
  snapshot(): Record<string, number> {
    return Object.fromEntries(this.counts)
  }

  count(operation: string): number {
    return this.counts.get(operation) ?? 0
  }

  reset(): void {
    this.counts.clear()
  }

  /** Resolves once no call has been made for quietMs: the window has read what it is going to. */
  async settled(quietMs = 600, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs
    let seen = this.total
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, quietMs))
      if (this.total === seen) return
      if (Date.now() > deadline)
        throw new Error(`the window kept calling the bridge: ${JSON.stringify(this.snapshot())}`)
      seen = this.total
    }
  }
}
