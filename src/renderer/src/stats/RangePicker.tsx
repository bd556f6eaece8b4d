import type { StatsRange } from '../../../shared/service-types'
import { RANGE_LABELS } from './history-chart-data'

const RANGES: StatsRange[] = ['hour', 'day', 'week']

/** A segmented control: real buttons with aria-pressed, so Tab and Space/Enter work as anywhere else. */
export function RangePicker({
  value,
  onChange,
}: {
  value: StatsRange
  onChange: (range: StatsRange) => void
}) {
  return (
    <div className="stats-range" role="group" aria-label="Chart range">
      {RANGES.map((range) => (
        <button
          key={range}
          type="button"
          className="stats-range-option"
          aria-pressed={range === value}
          data-testid={`range-${range}`}
          onClick={() => onChange(range)}
        >
          {RANGE_LABELS[range]}
        </button>
      ))}
    </div>
  )
}
