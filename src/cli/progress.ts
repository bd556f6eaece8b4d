import { retryNote } from '../shared/retry-note'
import type { ProgressRetry } from '../shared/service-types'

/** Where progress goes: stderr, so that stdout stays clean for --json and pipes. */
export interface ProgressTarget {
  isTTY: boolean
  columns: number
  write(text: string): void
}

const BAR_WIDTH = 24
// Redrawing more often than this only costs time; a person cannot read faster.
const REDRAW_INTERVAL_MS = 80
// Without a terminal, a line per quarter is enough to show a long refresh is alive in a log.
const PLAIN_STEPS = 4

/**
 * Shows the fetch progress of one library at a time. On a terminal it redraws a bar in place; in a
 * log or a pipe, where carriage returns turn into garbage, it prints an occasional plain line.
 */
export class ProgressReporter {
  private current: string | undefined
  private lastDrawAt = -Infinity
  private lastStep = -1
  private barShown = false

  constructor(
    private readonly target: ProgressTarget,
    private readonly clock: () => number = Date.now,
  ) {}

  /** `retry` when a page failed and is about to be tried again: shown at once, never throttled away. */
  update(label: string, fetched: number, total: number, retry?: ProgressRetry): void {
    const done = total > 0 && fetched >= total
    if (label !== this.current) {
      this.current = label
      this.lastStep = -1
      this.lastDrawAt = -Infinity
    }
    if (this.target.isTTY) this.drawBar(label, fetched, total, done || retry !== undefined, retry)
    else if (retry) this.target.write(`${label}: ${retryNote(retry)}\n`)
    else this.printStep(label, fetched, total)
  }

  /** Removes the bar, so the next line printed starts on a clean line. */
  clear(): void {
    if (this.barShown) this.target.write('\r\x1b[2K')
    this.barShown = false
  }

  private drawBar(
    label: string,
    fetched: number,
    total: number,
    urgent: boolean,
    retry: ProgressRetry | undefined,
  ): void {
    const now = this.clock()
    if (!urgent && now - this.lastDrawAt < REDRAW_INTERVAL_MS) return
    this.lastDrawAt = now
    const line = renderBar(label, fetched, total) + (retry ? `  ${retryNote(retry)}` : '')
    this.target.write(`\r\x1b[2K${this.fit(line)}`)
    this.barShown = true
  }

  private printStep(label: string, fetched: number, total: number): void {
    const step = total > 0 ? Math.min(PLAIN_STEPS, Math.floor((fetched / total) * PLAIN_STEPS)) : 0
    if (step <= this.lastStep) return
    this.lastStep = step
    this.target.write(`${label}: ${countText(fetched, total)}\n`)
  }

  private fit(text: string): string {
    const width = Math.max(20, this.target.columns - 1)
    return text.length > width ? `${text.slice(0, width - 1)}…` : text
  }
}

export function renderBar(label: string, fetched: number, total: number): string {
  const ratio = total > 0 ? Math.min(1, fetched / total) : 0
  const filled = Math.round(ratio * BAR_WIDTH)
  const bar = `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}`
  const percent = total > 0 ? `${String(Math.floor(ratio * 100)).padStart(3)}%` : '   …'
  return `${bar} ${percent}  ${label}  ${countText(fetched, total)}`
}

function countText(fetched: number, total: number): string {
  return total > 0 ? `${fetched}/${total} items` : `${fetched} items`
}
