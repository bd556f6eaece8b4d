import { performance } from 'node:perf_hooks'
import { tooLargeMessage } from '../../shared/too-large'
import type { Section } from '../plex'
import { libraryCacheKey } from './cache-keys'
import { toServiceError } from './errors'
import type { ServerRecord } from './plex-connection'
import { cancelled } from './refresh-cancels'
import { RefreshRunState } from './refresh-run'
import type { ServiceContext } from './service-context'
import type { RefreshOutcome } from '../../shared/service-types'

/** What refreshing needs. */
export type RefreshesDeps = Pick<ServiceContext, 'cache' | 'connection' | 'directory' | 'events' | 'loader'>

/** The refresh use cases: one library, or all of them one at a time (the tray's action). */
export class Refreshes {
  private runs = 0
  /** The "Refresh all" under way: a second request joins it instead of starting another. */
  private current: { state?: RefreshRunState; done: Promise<RefreshOutcome[]> } | undefined

  constructor(private readonly ctx: RefreshesDeps) {}

  /**
   * Stops the refreshes under way: the "Refresh all" starts no further library, and the fetches
   * talking to Plex now are aborted, keeping their cached copies. False when nothing was running.
   */
  cancel(): boolean {
    const run = this.current?.state
    const stoppingRun = run !== undefined && !run.cancelled
    run?.cancel()
    return this.ctx.loader.cancelAll() > 0 || stoppingRun
  }

  /** Plex failures come back as a 'failed' outcome; an unknown library or no server configured throws. */
  async one(library: string, force: boolean): Promise<RefreshOutcome> {
    const server = await this.ctx.connection().verifiedServer()
    const { section, fromPlex } = await this.ctx.directory.resolve(server, library)
    return this.refresh(server, section, force, fromPlex)
  }

  /**
   * Once Plex proves unreachable, the remaining libraries are reported failed without being tried;
   * once cancelled, they are reported cancelled without being tried.
   */
  all(force: boolean): Promise<RefreshOutcome[]> {
    if (this.current) return this.current.done
    const current: { state?: RefreshRunState; done: Promise<RefreshOutcome[]> } = {
      done: this.runAll(force, (state) => (current.state = state)).finally(() => {
        if (this.current === current) this.current = undefined
      }),
    }
    this.current = current
    return current.done
  }

  private async runAll(force: boolean, begin: (state: RefreshRunState) => void): Promise<RefreshOutcome[]> {
    const server = await this.ctx.connection().verifiedServer()
    let sections: Section[]
    let fromPlex = true
    try {
      // A fresh list, so a library added on the server is refreshed too.
      sections = await this.ctx.directory.fetch(server)
    } catch {
      const listed = await this.ctx.directory.list(server)
      sections = listed.sections
      fromPlex = listed.fromPlex
    }
    const run = new RefreshRunState(++this.runs, sections, this.ctx.events)
    begin(run)
    const outcomes: RefreshOutcome[] = []
    for (const section of sections) {
      const unreachable = outcomes.find((outcome) => outcome.error?.code === 'UNREACHABLE')?.error
      let outcome: RefreshOutcome
      if (run.cancelled) {
        outcome = {
          ...this.failed(server, section, 0),
          outcome: 'cancelled',
          error: cancelled(section.title).info,
        }
      } else if (unreachable) {
        outcome = { ...this.failed(server, section, 0), error: unreachable }
      } else {
        run.started(section.key)
        outcome = await this.refresh(server, section, force, fromPlex)
      }
      run.ended(outcome)
      outcomes.push(outcome)
    }
    run.finish()
    return outcomes
  }

  private async refresh(
    server: ServerRecord,
    section: Section,
    force: boolean,
    sectionIsCurrent: boolean,
  ): Promise<RefreshOutcome> {
    const started = performance.now()
    try {
      const loaded = await this.ctx.loader.refresh(
        server,
        section,
        force,
        sectionIsCurrent ? section : undefined,
      )
      const ms = Math.round(performance.now() - started)
      if (loaded.outcome === 'fetched' && !loaded.stored) return this.tooLarge(server, section, ms)
      return {
        key: section.key,
        title: section.title,
        itemCount: loaded.outcome === 'fetched' ? loaded.items.length : loaded.itemCount,
        outcome: loaded.outcome,
        ms,
      }
    } catch (error) {
      const failure = toServiceError(error, this.ctx.connection().secrets)
      const failed = this.failed(server, section, performance.now() - started)
      return {
        ...failed,
        ...(failure.code === 'CANCELLED' ? { outcome: 'cancelled' as const } : {}),
        error: failure.info,
      }
    }
  }

  /**
   * Fetched, but not kept: the library alone needs more than the whole size limit. A failure, so a
   * refresh never looks successful while the library stays uncached.
   */
  private tooLarge(server: ServerRecord, section: Section, ms: number): RefreshOutcome {
    const record = this.ctx.cache.getTooLarge(libraryCacheKey(server.machineIdentifier, section.key))
    const tooLarge = record
      ? { neededBytes: record.neededBytes, limitBytes: record.limitBytes }
      : { neededBytes: 0, limitBytes: this.ctx.cache.currentLimits.sizeLimitBytes }
    return {
      ...this.failed(server, section, ms),
      tooLarge,
      error: { code: 'TOO_LARGE', message: tooLargeMessage(section.title, tooLarge) },
    }
  }

  private failed(server: ServerRecord, section: Section, ms: number): RefreshOutcome {
    const info = this.ctx.cache.getLibraryInfo(libraryCacheKey(server.machineIdentifier, section.key))
    return {
      key: section.key,
      title: section.title,
      itemCount: info?.itemCount ?? 0,
      outcome: 'failed',
      ms: Math.round(ms),
    }
  }
}
