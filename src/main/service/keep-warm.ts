import type { Section } from '../plex'
import { sectionKeyOf } from './cache-keys'
import type { ServerRecord } from './plex-connection'
import type { ServiceContext } from './service-context'

/** What keep-warm passes need. */
export type KeepWarmDeps = Pick<
  ServiceContext,
  'cache' | 'clock' | 'connection' | 'directory' | 'loader' | 'monitor' | 'settings'
>

export interface KeepWarmOptions {
  /** How often a pass runs (the upkeep timer); a library is renewed at least this long before it expires. */
  intervalMs: number
  /** Renew this long before expiry (at most a fifth of the library TTL, never less than two intervals). */
  leadSeconds: number
  /** While Plex is unreachable, /identity is probed after one interval, then twice as long each time, up to this. */
  maxProbeDelayMs: number
}

/**
 * Keep-warm: while Plex answers, every cached library of the current server is revalidated
 * (change-aware) ahead of its expiry, soonest first, including libraries that have already expired
 * (after a sleep, an outage or a TTL shorter than the timer), so a read never meets an expired copy.
 * While Plex is unreachable nothing is renewed; /identity is probed with a growing delay, then the
 * section list, whose answer (it needs the token) brings the state back online and lets the pass
 * pick every library up again.
 */
export class KeepWarm {
  private probeDelayMs: number
  private nextProbeAt = 0

  constructor(
    private readonly ctx: KeepWarmDeps,
    private readonly options: KeepWarmOptions,
  ) {
    this.probeDelayMs = options.intervalMs
  }

  async pass(): Promise<void> {
    const connection = this.ctx.connection()
    if (!this.ctx.settings().keepWarm || !connection.configured) return
    const wasOffline = this.ctx.monitor.isOffline
    if (wasOffline && !(await this.probe())) return
    const server = connection.knownServer()
    if (!server) return
    const due = this.dueLibraries(server)
    // While offline the section list is asked even with nothing due: only an answer that needed the
    // token (not /identity's) proves that Plex serves us again and ends the offline state.
    if (due.length === 0 && !wasOffline) return
    // One section list for the whole pass: each revalidation then costs one count request.
    const sections = await this.ctx.directory.fetch(server).catch(() => undefined)
    if (!sections) {
      // /identity answered but Plex still refuses (maintenance, a rejected token): wait longer, too.
      if (wasOffline) this.backOff()
      return
    }
    this.probeDelayMs = this.options.intervalMs
    for (const sectionKey of due) {
      // An outage during the pass: the rest wait for the probe rather than each timing out.
      if (this.ctx.monitor.isOffline) return
      const section = sections.find((candidate: Section) => candidate.key === sectionKey)
      if (!section) continue
      // One library failing (a protocol error, a library deleted meanwhile) does not stop the others.
      await this.ctx.loader.refresh(server, section, false, section).catch(() => undefined)
    }
  }

  /** Section keys of the cached libraries that expire within the lead time (or already have), soonest first. */
  private dueLibraries(server: ServerRecord): string[] {
    const ttlMs = this.ctx.settings().libraryTtlSeconds * 1000
    const leadMs = Math.max(Math.min(this.options.leadSeconds * 1000, ttlMs / 5), 2 * this.options.intervalMs)
    const horizon = this.ctx.clock() + leadMs
    return this.ctx.cache
      .listEntries({ allowStale: true })
      .filter((entry) => entry.namespace === 'library' && entry.expiresAt <= horizon)
      .sort((a, b) => a.expiresAt - b.expiresAt)
      .flatMap((entry) => {
        const key = sectionKeyOf(entry.library, server.machineIdentifier)
        return key === undefined ? [] : [key]
      })
  }

  /**
   * True once Plex answers /identity again; probes no more often than the growing delay allows.
   * An answer only lets the pass go on to ask for the section list: it does not make Plex online.
   */
  private async probe(): Promise<boolean> {
    if (this.ctx.clock() < this.nextProbeAt) return false
    const answered = await this.ctx
      .connection()
      .call((client, signal) => client.identity({ signal }), { confirmsOnline: false })
      .then(
        () => true,
        () => false,
      )
    if (!answered) this.backOff()
    return answered
  }

  private backOff(): void {
    this.nextProbeAt = this.ctx.clock() + this.probeDelayMs
    this.probeDelayMs = Math.min(this.probeDelayMs * 2, this.options.maxProbeDelayMs)
  }
}
