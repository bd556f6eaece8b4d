import { performance } from 'node:perf_hooks'
import { tooLargeMessage } from '../../shared/too-large'
import type { Section } from '../plex'
import { libraryCacheKey } from './cache-keys'
import { toServiceError } from './errors'
import type { ServerRecord } from './plex-connection'
import type { ServiceContext } from './service-context'
import type { RefreshOutcome } from './types'

/** The refresh use cases: one library, or all of them one at a time (the tray's action). */
export class Refreshes {
  constructor(private readonly ctx: ServiceContext) {}

  /** Plex failures come back as a 'failed' outcome; an unknown library or no server configured throws. */
  async one(library: string, force: boolean): Promise<RefreshOutcome> {
    const server = await this.ctx.connection().verifiedServer()
    const { section, fromPlex } = await this.ctx.directory.resolve(server, library)
    return this.refresh(server, section, force, fromPlex)
  }

  /** Once Plex proves unreachable, the remaining libraries are reported failed without being tried. */
  async all(force: boolean): Promise<RefreshOutcome[]> {
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
    const outcomes: RefreshOutcome[] = []
    for (const section of sections) {
      const unreachable = outcomes.find((outcome) => outcome.error?.code === 'UNREACHABLE')?.error
      outcomes.push(
        unreachable
          ? { ...this.failed(server, section, 0), error: unreachable }
          : await this.refresh(server, section, force, fromPlex),
      )
    }
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
      return { ...this.failed(server, section, performance.now() - started), error: failure.info }
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
