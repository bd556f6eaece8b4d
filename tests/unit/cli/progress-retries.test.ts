import { describe, expect, it } from 'vitest'
import { ProgressReporter, renderBar } from '../../../src/cli/progress'
import { retryNote } from '../../../src/shared/retry-note'

const TIMED_OUT = { page: 12, attempt: 2, attempts: 4, reason: 'timed out', waitMs: 500 }

function target(isTTY: boolean) {
  const written: string[] = []
  return { isTTY, columns: 200, written, write: (text: string) => written.push(text) }
}

describe('retries in the refresh progress', () => {
  it('say which page failed, how, and which retry this is', () => {
    expect(retryNote(TIMED_OUT)).toBe('page 12 timed out, retrying (2/4)')
    expect(
      retryNote({ page: 3, attempt: 1, attempts: 3, reason: 'was rate-limited (429)', waitMs: 7000 }),
    ).toBe('page 3 was rate-limited (429), retrying in 7 s (1/3)')
  })

  it('are drawn on the bar at once on a terminal, even right after another draw', () => {
    let now = 0
    const tty = target(true)
    const progress = new ProgressReporter(tty, () => now)
    progress.update('Movies', 500, 6000)
    now = 5
    progress.update('Movies', 500, 6000, TIMED_OUT)
    now = 10
    progress.update('Movies', 500, 6000) // too soon: the notice stays until the next draw
    expect(tty.written).toEqual([
      `\r\x1b[2K${renderBar('Movies', 500, 6000)}`,
      `\r\x1b[2K${renderBar('Movies', 500, 6000)}  page 12 timed out, retrying (2/4)`,
    ])
  })

  it('get a line of their own in a log, beside the quarterly progress lines', () => {
    const log = target(false)
    const progress = new ProgressReporter(log)
    progress.update('Movies', 0, 6000)
    progress.update('Movies', 500, 6000, TIMED_OUT)
    progress.update('Movies', 1500, 6000)
    expect(log.written).toEqual([
      'Movies: 0/6000 items\n',
      'Movies: page 12 timed out, retrying (2/4)\n',
      'Movies: 1500/6000 items\n',
    ])
  })
})
