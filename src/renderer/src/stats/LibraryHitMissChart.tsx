import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { formatPercent } from '../../../shared/format'
import type { LibraryHitMiss } from './library-stats'
import { ReadsTableForScreenReaders } from './ReadsTableForScreenReaders'
import { keepChartOutOfTabOrder } from './keep-out-of-tab-order'
import { useChartColors } from './useChartColors'

const ROW_HEIGHT = 44
const AXES_AND_LEGEND_HEIGHT = 64
// recharts' default tooltip is white; these follow the theme (set through the CSSOM, so the CSP allows them).
const TOOLTIP_STYLE = {
  background: 'var(--surface)',
  border: '1px solid var(--border)',
  borderRadius: 8,
  color: 'var(--text)',
}
const TOOLTIP_LABEL_STYLE = { fontWeight: 600, color: 'var(--text)' }

/** One stacked bar per library of the current server: where the cache is earning its keep. */
export function LibraryHitMissChart({ libraries }: { libraries: LibraryHitMiss[] }) {
  const colors = useChartColors()
  if (libraries.length === 0) {
    return <p className="muted">This server has no libraries.</p>
  }
  const axisTick = { fill: colors.axis, fontSize: 12 }
  // The chart grows with the number of libraries; the height is set before recharts measures it.
  const height = libraries.length * ROW_HEIGHT + AXES_AND_LEGEND_HEIGHT

  return (
    <figure className="stats-chart" aria-label="Cache hits and misses per library">
      {/* For the eye only, like the history chart: the table below holds the same figures. */}
      <div
        className="stats-library-frame"
        style={{ height }}
        ref={keepChartOutOfTabOrder}
        aria-hidden="true"
        data-testid="library-chart"
      >
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            accessibilityLayer={false}
            data={libraries}
            layout="vertical"
            margin={{ top: 4, right: 12, bottom: 0, left: 0 }}
          >
            <CartesianGrid stroke={colors.grid} horizontal={false} />
            <XAxis
              type="number"
              allowDecimals={false}
              tick={axisTick}
              stroke={colors.grid}
              tickLine={false}
            />
            <YAxis
              type="category"
              dataKey="title"
              width={120}
              tick={axisTick}
              stroke={colors.grid}
              tickLine={false}
            />
            <Tooltip
              cursor={{ fill: colors.grid, fillOpacity: 0.5 }}
              contentStyle={TOOLTIP_STYLE}
              labelStyle={TOOLTIP_LABEL_STYLE}
              isAnimationActive={false}
            />
            <Legend iconType="circle" itemSorter={null} wrapperStyle={{ fontSize: 13 }} />
            <Bar dataKey="hits" name="Hits" stackId="reads" fill={colors.hits} isAnimationActive={false} />
            <Bar
              dataKey="misses"
              name="Misses"
              stackId="reads"
              fill={colors.misses}
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <ReadsTableForScreenReaders
        caption="Cache reads per library"
        rowHeading="Library"
        testId="library-table"
      >
        {libraries.map((library) => (
          <tr key={library.key} data-testid="library-stats-row" data-library={library.key}>
            <th scope="row">{library.title}</th>
            <td data-testid="library-hits">{library.hits}</td>
            <td data-testid="library-misses">{library.misses}</td>
            <td>{rateText(library.hits, library.misses)}</td>
          </tr>
        ))}
      </ReadsTableForScreenReaders>
    </figure>
  )
}

function rateText(hits: number, misses: number): string {
  return hits + misses === 0 ? 'no reads' : formatPercent(hits / (hits + misses))
}
