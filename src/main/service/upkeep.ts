export interface UpkeepOptions {
  /** How often expired entries past their stale retention are deleted. */
  sweepIntervalMs: number
  /** How often statistics are flushed and, when they changed, a 'stats' event sent. */
  statsIntervalMs: number
  /** How often keep-warm renews the libraries about to expire (or, while offline, may probe Plex). */
  keepWarmIntervalMs: number
  /** Refresh a library this long before it expires (at most a fifth of the library TTL, at least two intervals). */
  keepWarmLeadSeconds: number
  /** While Plex is unreachable, the longest wait between two /identity probes. */
  keepWarmMaxProbeDelayMs: number
}

export const DEFAULT_UPKEEP: UpkeepOptions = {
  sweepIntervalMs: 5 * 60_000,
  statsIntervalMs: 2_000,
  keepWarmIntervalMs: 30_000,
  keepWarmLeadSeconds: 300,
  keepWarmMaxProbeDelayMs: 5 * 60_000,
}

export interface UpkeepTasks {
  sweep(): void
  flushStats(): void
  /** One keep-warm pass; a tick is skipped while the previous pass still runs. */
  keepWarm(): Promise<void>
}

/** The service's timers. All are unref()ed, so they never keep a CLI process alive, and stop() ends them. */
export class Upkeep {
  private readonly timers: NodeJS.Timeout[] = []
  private warming: Promise<void> | undefined

  constructor(
    private readonly options: UpkeepOptions,
    private readonly tasks: UpkeepTasks,
  ) {}

  start(): void {
    if (this.timers.length > 0) return
    this.every(this.options.sweepIntervalMs, () => this.tasks.sweep())
    this.every(this.options.statsIntervalMs, () => this.tasks.flushStats())
    this.every(this.options.keepWarmIntervalMs, () => void this.keepWarmNow())
  }

  /** Runs a keep-warm pass now (on a timer tick, or after the computer wakes), or joins the one under way. */
  keepWarmNow(): Promise<void> {
    this.warming ??= this.tasks
      .keepWarm()
      .catch(() => undefined)
      .finally(() => {
        this.warming = undefined
      })
    return this.warming
  }

  get running(): boolean {
    return this.timers.length > 0
  }

  /** Stops every timer; resolves when a keep-warm refresh under way has finished. */
  async stop(): Promise<void> {
    for (const timer of this.timers.splice(0)) clearInterval(timer)
    await this.warming
  }

  private every(ms: number, task: () => void): void {
    const timer = setInterval(() => {
      try {
        task()
      } catch {
        // Upkeep is best effort (a locked file, a closing cache); the next tick tries again.
      }
    }, ms)
    timer.unref()
    this.timers.push(timer)
  }
}
