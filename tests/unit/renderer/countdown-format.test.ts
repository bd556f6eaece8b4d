import { describe, expect, it } from 'vitest'
import { formatAgo, formatCountdown } from '../../../src/renderer/src/timing/countdown-format'

describe('formatCountdown', () => {
  it('always shows seconds, as m:ss, h:mm:ss or d hh:mm:ss', () => {
    expect(formatCountdown(7_000)).toBe('0:07')
    expect(formatCountdown(59 * 60_000 + 58_000)).toBe('59:58')
    expect(formatCountdown(3_723_000)).toBe('1:02:03')
    expect(formatCountdown(2 * 86_400_000 + 3 * 3_600_000 + 4 * 60_000 + 5_000)).toBe('2d 03:04:05')
  })

  it('rounds up, so a second is shown for all of that second and 0:00 never appears early', () => {
    expect(formatCountdown(3_600_000)).toBe('1:00:00')
    expect(formatCountdown(3_599_001)).toBe('1:00:00')
    expect(formatCountdown(3_599_000)).toBe('59:59')
    expect(formatCountdown(1)).toBe('0:01')
  })

  it('never goes negative', () => {
    expect(formatCountdown(0)).toBe('0:00')
    expect(formatCountdown(-5_000)).toBe('0:00')
  })
})

describe('formatAgo', () => {
  it('says how long ago in words', () => {
    expect(formatAgo(10_000)).toBe('just now')
    expect(formatAgo(-2_000)).toBe('just now')
    expect(formatAgo(50_000)).toBe('1 minute ago')
    expect(formatAgo(12 * 60_000)).toBe('12 minutes ago')
    expect(formatAgo(3 * 3_600_000)).toBe('3 hours ago')
    expect(formatAgo(2 * 86_400_000)).toBe('2 days ago')
  })
})
