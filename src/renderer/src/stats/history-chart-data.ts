import type { StatsBucket, StatsRange } from '../../../shared/service-types'

/** One bar group of the hit/miss chart; `rate` is null when the bucket saw no reads, so the line breaks. */
export interface ChartPoint {
  start: number
  hits: number
  misses: number
  rate: number | null
}

export const RANGE_LABELS: Record<StatsRange, string> = {
  hour: 'Last hour',
  day: 'Last day',
  week: 'Last week',
}

/** The bucket sizes the service uses for each range (see the statsHistory contract). */
export const BUCKET_MS: Record<StatsRange, number> = {
  hour: 60_000,
  day: 15 * 60_000,
  week: 2 * 3600_000,
}

/** Labelled ticks land on round times: every 10 minutes, 3 hours or day. */
const TICK_EVERY_MS: Record<StatsRange, number> = {
  hour: 10 * 60_000,
  day: 3 * 3600_000,
  week: 24 * 3600_000,
}

export function toChartPoints(buckets: StatsBucket[]): ChartPoint[] {
  return buckets.map(({ start, hits, misses }) => ({
    start,
    hits,
    misses,
    rate: hits + misses === 0 ? null : Math.round((hits / (hits + misses)) * 1000) / 10,
  }))
}

/**
 * The first bucket of each round local period (10 minutes, 3 hours, a day), so the axis reads
 * 14:00, 14:10… even when buckets do not start on the round time itself (odd time zones).
 */
export function ticksFor(points: ChartPoint[], range: StatsRange): number[] {
  const every = TICK_EVERY_MS[range]
  const period = (start: number) => Math.floor((start - new Date(start).getTimezoneOffset() * 60_000) / every)
  const ticks: number[] = []
  for (let index = 1; index < points.length; index++) {
    const start = points[index]!.start
    if (period(start) !== period(points[index - 1]!.start)) ticks.push(start)
  }
  return ticks
}

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' })
const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric' })
const dayTimeFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
})

export function formatTick(start: number, range: StatsRange): string {
  return range === 'week' ? dayFormat.format(start) : timeFormat.format(start)
}

/** "14:05–14:06", or with the weekday for the week range, for tooltips and the screen-reader table. */
export function formatBucket(start: number, range: StatsRange): string {
  const end = start + BUCKET_MS[range]
  if (range === 'week') return `${dayTimeFormat.format(start)}–${timeFormat.format(end)}`
  return `${timeFormat.format(start)}–${timeFormat.format(end)}`
}

export function sumBuckets(points: ChartPoint[]): { hits: number; misses: number } {
  return points.reduce(
    (total, point) => ({ hits: total.hits + point.hits, misses: total.misses + point.misses }),
    { hits: 0, misses: 0 },
  )
}
