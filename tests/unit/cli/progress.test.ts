import { describe, expect, it } from 'vitest'
import { ProgressReporter, renderBar } from '../../../src/cli/progress'

function target(isTTY: boolean): {
  isTTY: boolean
  columns: number
  written: string[]
  write(t: string): void
} {
  const written: string[] = []
  return { isTTY, columns: 80, written, write: (text) => written.push(text) }
}

describe('the refresh progress display', () => {
  it('draws a bar with the percentage and counts', () => {
    expect(renderBar('Movies', 0, 200)).toBe(`${'░'.repeat(24)}   0%  Movies  0/200 items`)
    expect(renderBar('Movies', 100, 200)).toBe(
      `${'█'.repeat(12)}${'░'.repeat(12)}  50%  Movies  100/200 items`,
    )
    expect(renderBar('Movies', 200, 200)).toBe(`${'█'.repeat(24)} 100%  Movies  200/200 items`)
    expect(renderBar('Music', 7, 0)).toBe(`${'░'.repeat(24)}    …  Music  7 items`)
  })

  it('redraws in place on a terminal, throttled but always showing the end, and clears itself', () => {
    let now = 0
    const tty = target(true)
    const progress = new ProgressReporter(tty, () => now)
    progress.update('Movies', 0, 300)
    now = 10
    progress.update('Movies', 100, 300) // too soon after the last draw
    now = 200
    progress.update('Movies', 200, 300)
    now = 201
    progress.update('Movies', 300, 300) // the end is always drawn
    progress.clear()
    expect(tty.written).toEqual([
      `\r\x1b[2K${renderBar('Movies', 0, 300)}`,
      `\r\x1b[2K${renderBar('Movies', 200, 300)}`,
      `\r\x1b[2K${renderBar('Movies', 300, 300)}`,
      '\r\x1b[2K',
    ])
  })

  it('cuts the bar to the terminal width', () => {
    const tty = { ...target(true), columns: 30 }
    new ProgressReporter(tty).update('A library with a very long title indeed', 1, 2)
    expect(tty.written[0]!.replace('\r\x1b[2K', '')).toHaveLength(29)
  })

  it('prints a plain line per quarter when stderr is not a terminal, and nothing to clear', () => {
    const log = target(false)
    const progress = new ProgressReporter(log)
    for (let fetched = 0; fetched <= 1000; fetched += 100) progress.update('Movies', fetched, 1000)
    progress.update('TV Shows', 0, 60)
    progress.update('TV Shows', 60, 60)
    progress.clear()
    expect(log.written).toEqual([
      'Movies: 0/1000 items\n',
      'Movies: 300/1000 items\n',
      'Movies: 500/1000 items\n',
      'Movies: 800/1000 items\n',
      'Movies: 1000/1000 items\n',
      'TV Shows: 0/60 items\n',
      'TV Shows: 60/60 items\n',
    ])
  })
})
