import type { StatsRange } from '../../../shared/service-types'
import { formatBucket, type ChartPoint } from './history-chart-data'
import { ReadsTableForScreenReaders } from './ReadsTableForScreenReaders'

/**
 * The chart's numbers for screen readers: only the buckets that saw reads, so a quiet week is not
 * read out as 84 rows of zeros.
 */
export function HistoryTable({ points, range }: { points: ChartPoint[]; range: StatsRange }) {
  const active = points.filter((point) => point.hits + point.misses > 0)
  return (
    <ReadsTableForScreenReaders caption="Cache reads per period" rowHeading="Period" testId="history-table">
      {active.length === 0 && (
        <tr>
          <td colSpan={4}>No cache reads in this period.</td>
        </tr>
      )}
      {active.map((point) => (
        <tr key={point.start}>
          <th scope="row">{formatBucket(point.start, range)}</th>
          <td>{point.hits}</td>
          <td>{point.misses}</td>
          <td>{point.rate}%</td>
        </tr>
      ))}
    </ReadsTableForScreenReaders>
  )
}
