/** Fault injection knobs, read by the server on every request (the control routes excepted). */
export class FaultState {
  latencyMs = 0
  dropConnections = false
  malformedJson = false
  maintenance = false
  maxPageSize: number | null
  private readonly forcedStatuses = new Map<string, number>()

  constructor(private readonly initialMaxPageSize: number | null) {
    this.maxPageSize = null
    this.setMaxPageSize(initialMaxPageSize)
  }

  setForcedStatus(pathPrefix: string, status: number | null): void {
    if (status === null) {
      this.forcedStatuses.delete(pathPrefix)
      return
    }
    if (!Number.isInteger(status) || status < 100 || status > 599)
      throw new RangeError(`bad status ${status}`)
    this.forcedStatuses.set(pathPrefix, status)
  }

  /** The longest matching prefix wins, so a specific route can override a broad one. */
  forcedStatusFor(path: string): number | undefined {
    let best: { prefix: string; status: number } | undefined
    for (const [prefix, status] of this.forcedStatuses) {
      if (path.startsWith(prefix) && (!best || prefix.length > best.prefix.length)) best = { prefix, status }
    }
    return best?.status
  }

  setLatency(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`bad latency ${ms}`)
    this.latencyMs = ms
  }

  setMaxPageSize(size: number | null): void {
    if (size !== null && (!Number.isInteger(size) || size < 1))
      throw new RangeError(`bad max page size ${size}`)
    this.maxPageSize = size
  }

  reset(): void {
    this.latencyMs = 0
    this.dropConnections = false
    this.malformedJson = false
    this.maintenance = false
    this.maxPageSize = this.initialMaxPageSize
    this.forcedStatuses.clear()
  }
}
