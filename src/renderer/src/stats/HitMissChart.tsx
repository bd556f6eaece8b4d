import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
} from 'recharts'
import type { StatsRange } from '../../../shared/service-types'
import {
  formatBucket,
  formatTick,
  RANGE_LABELS,
  sumBuckets,
  ticksFor,
  type ChartPoint,
} from './history-chart-data'
import { HistoryTable } from './HistoryTable'
import { useChartColors } from './useChartColors'
import { keepChartOutOfTabOrder } from './keep-out-of-tab-order'

/** Stacked hits and misses per bucket, with the hit rate as a line on its own 0–100 % axis. */
export function HitMissChart({ points, range }: { points: ChartPoint[]; range: StatsRange }) {
  const colors = useChartColors()
  const total = sumBuckets(points)
  const summary = `${RANGE_LABELS[range]}: ${count(total.hits, 'hit')} and ${count(total.misses, 'miss')}`
  const axisTick = { fill: colors.axis, fontSize: 12 }

  return (
    <figure className="stats-chart" aria-label={`Cache hits and misses over time. ${summary}.`}>
      <figcaption className="stats-chart-caption muted small" data-testid="history-summary">
        {summary}
      </figcaption>
      {/*
        The drawing is for the eye: Recharts' keyboard layer made it tab stops without names, and
        the same figures are in the table below (and the summary in the caption).
      */}
      <div
        className="stats-chart-frame"
        ref={keepChartOutOfTabOrder}
        aria-hidden="true"
        data-testid="history-chart"
        data-hits={total.hits}
        data-misses={total.misses}
      >
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart
            accessibilityLayer={false}
            data={points}
            margin={{ top: 8, right: 4, bottom: 0, left: -8 }}
            barCategoryGap="12%"
          >
            <CartesianGrid yAxisId="count" stroke={colors.grid} vertical={false} />
            <XAxis
              dataKey="start"
              ticks={ticksFor(points, range)}
              tickFormatter={(start: number) => formatTick(start, range)}
              tick={axisTick}
              stroke={colors.grid}
              tickLine={false}
            />
            <YAxis
              yAxisId="count"
              allowDecimals={false}
              tick={axisTick}
              axisLine={false}
              tickLine={false}
              width={48}
            />
            <YAxis
              yAxisId="rate"
              orientation="right"
              domain={[0, 100]}
              ticks={[0, 25, 50, 75, 100]}
              tickFormatter={(value: number) => `${value}%`}
              tick={axisTick}
              axisLine={false}
              tickLine={false}
              width={48}
            />
            <Tooltip
              content={({ active, payload }) => (
                <BucketTooltip active={active} payload={payload} range={range} />
              )}
              cursor={{ fill: colors.grid, fillOpacity: 0.5 }}
              isAnimationActive={false}
            />
            <Legend iconType="circle" itemSorter={null} wrapperStyle={{ fontSize: 13 }} />
            <Bar
              yAxisId="count"
              dataKey="hits"
              name="Hits"
              stackId="reads"
              fill={colors.hits}
              isAnimationActive={false}
            />
            <Bar
              yAxisId="count"
              dataKey="misses"
              name="Misses"
              stackId="reads"
              fill={colors.misses}
              isAnimationActive={false}
            />
            <Line
              yAxisId="rate"
              dataKey="rate"
              name="Hit rate"
              type="linear"
              stroke={colors.rate}
              strokeWidth={2}
              // Buckets without reads have no rate: the line joins the ones that do, and dots mark them.
              dot={{ r: 3.5, fill: colors.rate, stroke: colors.surface, strokeWidth: 1.5 }}
              connectNulls
              isAnimationActive={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
        {total.hits + total.misses === 0 && (
          <p className="stats-chart-empty muted">No cache reads in this period yet.</p>
        )}
      </div>
      <HistoryTable points={points} range={range} />
    </figure>
  )
}

function BucketTooltip({
  active,
  payload,
  range,
}: Pick<TooltipContentProps, 'active' | 'payload'> & { range: StatsRange }) {
  const point = payload?.[0]?.payload as ChartPoint | undefined
  if (!active || point === undefined) return null
  return (
    <div className="stats-tooltip">
      <div className="stats-tooltip-title">{formatBucket(point.start, range)}</div>
      <div>
        <span className="stats-swatch stats-swatch-hits" aria-hidden="true" /> Hits:{' '}
        {point.hits.toLocaleString()}
      </div>
      <div>
        <span className="stats-swatch stats-swatch-misses" aria-hidden="true" /> Misses:{' '}
        {point.misses.toLocaleString()}
      </div>
      <div>
        <span className="stats-swatch stats-swatch-rate" aria-hidden="true" /> Hit rate:{' '}
        {point.rate === null ? '—' : `${point.rate}%`}
      </div>
    </div>
  )
}

function count(value: number, noun: string): string {
  return `${value.toLocaleString()} ${value === 1 ? noun : noun === 'miss' ? 'misses' : `${noun}s`}`
}
