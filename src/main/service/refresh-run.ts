import type { Section } from '../plex'
import type { ServiceEvents } from './events'
import type { RefreshOutcome, RefreshRun, RefreshRunStatus } from '../../shared/service-types'

/**
 * The state of one "Refresh all", told to every front end as it moves: which library is being
 * refreshed, which wait their turn, and how each one ended.
 */
export class RefreshRunState {
  private run: RefreshRun

  constructor(
    id: number,
    sections: readonly Section[],
    private readonly events: ServiceEvents,
  ) {
    this.run = {
      id,
      libraries: sections.map((section) => ({ key: section.key, title: section.title, status: 'waiting' })),
      finished: false,
      cancelled: false,
    }
    this.publish()
  }

  get cancelled(): boolean {
    return this.run.cancelled
  }

  cancel(): void {
    if (this.run.finished || this.run.cancelled) return
    this.run = { ...this.run, cancelled: true }
    this.publish()
  }

  started(key: string): void {
    this.set(key, 'running')
  }

  ended(outcome: RefreshOutcome): void {
    this.set(outcome.key, outcome.outcome, outcome.error)
  }

  finish(): void {
    this.run = { ...this.run, finished: true }
    this.publish()
  }

  private set(key: string, status: RefreshRunStatus, error?: RefreshOutcome['error']): void {
    this.run = {
      ...this.run,
      libraries: this.run.libraries.map((library) =>
        library.key === key ? { key, title: library.title, status, error } : library,
      ),
    }
    this.publish()
  }

  private publish(): void {
    this.events.emit({ type: 'refreshRun', run: this.run })
  }
}
