import { useMemo, useState } from 'react'
import type { StatsRange } from '../../../shared/service-types'
import { ConsumerTable } from './ConsumerTable'
import { HitMissChart } from './HitMissChart'
import { toChartPoints } from './history-chart-data'
import { LibraryHitMissChart } from './LibraryHitMissChart'
import { libraryHitMiss } from './library-stats'
import { RangePicker } from './RangePicker'
import { RecentReads } from './RecentReads'
import { ResetStatsDialog } from './ResetStatsDialog'
import { DetailTotals, HeadlineTotals } from './StatsTotals'
import { useStatistics } from './useStatistics'
import './stats.css'

/** How well the cache is doing: hits and misses over time and per library, and what it saved. */
export function StatisticsView() {
  const [range, setRange] = useState<StatsRange>('hour')
  const [confirming, setConfirming] = useState(false)
  const { stats, history, libraries, machineIdentifier, reset } = useStatistics(range)

  const points = useMemo(() => toChartPoints(history?.buckets ?? []), [history])
  const perLibrary = useMemo(
    () => (stats && libraries ? libraryHitMiss(libraries, stats.byLibrary, machineIdentifier) : undefined),
    [stats, libraries, machineIdentifier],
  )

  return (
    <section className="panel stats" aria-labelledby="stats-heading" data-testid="statistics-view">
      <div className="panel-header">
        <div>
          <h2 id="stats-heading">Statistics</h2>
          <p className="muted small">Counted since the statistics were last reset; updated live.</p>
        </div>
        <button
          type="button"
          className="button"
          data-testid="reset-stats"
          disabled={stats === undefined}
          onClick={() => setConfirming(true)}
        >
          Reset statistics
        </button>
      </div>

      {stats === undefined ? (
        <p className="muted">Loading statistics…</p>
      ) : (
        <div className="stats-body" data-testid="statistics-ready">
          <HeadlineTotals stats={stats} />

          <section className="stats-section" aria-labelledby="history-heading">
            <div className="stats-section-header">
              <h3 id="history-heading">Hits and misses over time</h3>
              <RangePicker value={range} onChange={setRange} />
            </div>
            {history === undefined ? (
              <div className="stats-chart-frame" aria-busy="true" />
            ) : (
              <HitMissChart points={points} range={history.range} />
            )}
          </section>

          <div className="stats-columns">
            <section className="stats-section" aria-labelledby="libraries-stats-heading">
              <h3 id="libraries-stats-heading">By library</h3>
              {perLibrary === undefined ? (
                <p className="muted">Loading libraries…</p>
              ) : (
                <LibraryHitMissChart libraries={perLibrary} />
              )}
            </section>
            <section className="stats-section" aria-labelledby="activity-heading">
              <h3 id="activity-heading">Cache activity</h3>
              <DetailTotals stats={stats} />
            </section>
          </div>

          <section className="stats-section" aria-labelledby="consumers-heading">
            <h3 id="consumers-heading">By consumer</h3>
            <ConsumerTable stats={stats} />
          </section>

          <section className="stats-section" aria-labelledby="recent-reads-heading">
            <h3 id="recent-reads-heading">Recent reads</h3>
            <RecentReads />
          </section>
        </div>
      )}

      <ResetStatsDialog
        open={confirming}
        onCancel={() => setConfirming(false)}
        onConfirm={async () => {
          if (await reset()) setConfirming(false)
        }}
      />
    </section>
  )
}
