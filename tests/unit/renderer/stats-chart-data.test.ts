import { describe, expect, it } from 'vitest'
import {
  BUCKET_MS,
  sumBuckets,
  ticksFor,
  toChartPoints,
} from '../../../src/renderer/src/stats/history-chart-data'
import { libraryHitMiss } from '../../../src/renderer/src/stats/library-stats'
import type { LibraryRow } from '../../../src/shared/service-types'

describe('toChartPoints', () => {
  it('gives each bucket its hit rate in percent, and none when it saw no reads', () => {
    expect(
      toChartPoints([
        { start: 0, hits: 3, misses: 1 },
        { start: 60_000, hits: 0, misses: 0 },
        { start: 120_000, hits: 1, misses: 2 },
      ]),
    ).toEqual([
      { start: 0, hits: 3, misses: 1, rate: 75 },
      { start: 60_000, hits: 0, misses: 0, rate: null },
      { start: 120_000, hits: 1, misses: 2, rate: 33.3 },
    ])
  })

  it('sums the hits and misses of a range', () => {
    const points = toChartPoints([
      { start: 0, hits: 3, misses: 1 },
      { start: 60_000, hits: 2, misses: 0 },
    ])
    expect(sumBuckets(points)).toEqual({ hits: 5, misses: 1 })
  })
})

describe('ticksFor', () => {
  const minutes = (count: number, from: number) =>
    toChartPoints(
      Array.from({ length: count }, (_, index) => ({ start: from + index * 60_000, hits: 0, misses: 0 })),
    )

  it('labels the first bucket of every round 10 minutes of the hour range', () => {
    // Start two minutes into a ten-minute period, in local time, so the first bucket is not labelled.
    const from = new Date(2025, 0, 6, 14, 2).getTime()
    const ticks = ticksFor(minutes(60, from), 'hour').map((start) => new Date(start).getMinutes())
    expect(ticks).toEqual([10, 20, 30, 40, 50, 0])
  })

  it('labels each day of the week range once', () => {
    const from = new Date(2025, 0, 6, 1, 0).getTime()
    const points = toChartPoints(
      Array.from({ length: 84 }, (_, index) => ({
        start: from + index * BUCKET_MS.week,
        hits: 0,
        misses: 0,
      })),
    )
    const days = ticksFor(points, 'week').map((start) => new Date(start).getDate())
    expect(days).toEqual([7, 8, 9, 10, 11, 12])
  })
})

describe('libraryHitMiss', () => {
  const row = (key: string, title: string) => ({ key, title }) as LibraryRow
  const rows = [row('1', 'Movies'), row('2', 'TV Shows')]

  it('matches counts to libraries by section key, whether or not the key names the server', () => {
    expect(
      libraryHitMiss(rows, { 'abc:1': { hits: 4, misses: 1 }, '2': { hits: 1, misses: 0 } }, 'abc'),
    ).toEqual([
      { key: '1', title: 'Movies', hits: 4, misses: 1 },
      { key: '2', title: 'TV Shows', hits: 1, misses: 0 },
    ])
  })

  it("leaves out another server's counts and libraries this server does not have", () => {
    const byLibrary = { 'other:1': { hits: 9, misses: 9 }, 'abc:7': { hits: 2, misses: 2 } }
    expect(libraryHitMiss(rows, byLibrary, 'abc')).toEqual([
      { key: '1', title: 'Movies', hits: 0, misses: 0 },
      { key: '2', title: 'TV Shows', hits: 0, misses: 0 },
    ])
  })
})
