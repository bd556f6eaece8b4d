import { formatBytes, formatPercent } from '../../../shared/format'
import type { ServiceStats } from '../../../shared/service-types'

/** The header's figures: how often the cache answered, and how full it is against its limit. */
export function CacheSummary({ stats }: { stats: ServiceStats | undefined }) {
  const reads = stats === undefined ? 0 : stats.hits + stats.misses
  const used = stats === undefined ? 0 : Math.min(1, stats.bytes / Math.max(1, stats.sizeLimitBytes))
  return (
    <dl className="cache-summary">
      <div className="summary-figure">
        <dt>Hit rate</dt>
        <dd data-testid="hit-rate" title={stats && `${stats.hits} hits, ${stats.misses} misses`}>
          {stats === undefined || reads === 0 ? '—' : formatPercent(stats.hitRate)}
        </dd>
      </div>
      <div className="summary-figure summary-size">
        <dt>Cache size</dt>
        <dd>
          <span data-testid="cache-size">
            {stats === undefined
              ? '—'
              : `${formatBytes(stats.bytes)} of ${formatBytes(stats.sizeLimitBytes)}`}
          </span>
          <span
            className={`meter${used > 0.9 ? ' meter-full' : ''}`}
            role="meter"
            aria-label="Cache size against its limit"
            aria-valuemin={0}
            aria-valuemax={stats?.sizeLimitBytes ?? 0}
            aria-valuenow={stats?.bytes ?? 0}
            aria-valuetext={stats && `${formatPercent(used)} of the size limit`}
            data-testid="cache-size-bar"
          >
            {/* A sliver stays visible for a cache that is tiny next to its limit. */}
            <span className="meter-fill" style={{ width: `${used > 0 ? Math.max(1, used * 100) : 0}%` }} />
          </span>
        </dd>
      </div>
    </dl>
  )
}
