import { describe, expect, it } from 'vitest'
import { formatBytes, formatDuration, formatPercent } from '../../src/shared/format'

describe('shared formatting', () => {
  it('formats sizes in binary units', () => {
    expect(formatBytes(0)).toBe('0 B')
    expect(formatBytes(1023)).toBe('1023 B')
    expect(formatBytes(1536)).toBe('1.5 KB')
    expect(formatBytes(100 * 1024 * 1024)).toBe('100 MB')
  })

  it('formats durations for countdowns, never negative', () => {
    expect(formatDuration(-5_000)).toBe('0s')
    expect(formatDuration(59_400)).toBe('59s')
    expect(formatDuration(61_000)).toBe('1m 01s')
    expect(formatDuration(3_600_000 + 5 * 60_000)).toBe('1h 05m')
  })

  it('formats ratios as percentages', () => {
    expect(formatPercent(0.5)).toBe('50.0%')
    expect(formatPercent(0)).toBe('0.0%')
  })
})
