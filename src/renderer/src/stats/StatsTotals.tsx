import { formatBytes, formatDuration, formatPercent } from '../../../shared/format'
import type { ServiceStats } from '../../../shared/service-types'

interface Figure {
  label: string
  value: string
  testId: string
  hint?: string
}

/** The headline numbers, large, above the chart. */
export function HeadlineTotals({ stats }: { stats: ServiceStats }) {
  const reads = stats.hits + stats.misses
  const figures: Figure[] = [
    {
      label: 'Hit rate',
      value: reads === 0 ? '—' : formatPercent(stats.hitRate),
      testId: 'total-hit-rate',
      hint: `${reads.toLocaleString()} reads`,
    },
    { label: 'Hits', value: stats.hits.toLocaleString(), testId: 'total-hits' },
    { label: 'Misses', value: stats.misses.toLocaleString(), testId: 'total-misses' },
    {
      label: 'Plex requests made',
      value: stats.plexRequests.toLocaleString(),
      testId: 'total-plex-requests',
    },
    {
      label: 'Plex requests avoided',
      value: stats.plexRequestsAvoided.toLocaleString(),
      testId: 'total-plex-avoided',
      hint: "by consumers' hits",
    },
  ]
  return <FigureList figures={figures} className="stats-headline" label="Totals" />
}

/** Everything else the cache has counted since the statistics were last reset. */
export function DetailTotals({ stats }: { stats: ServiceStats }) {
  const figures: Figure[] = [
    { label: 'Revalidations', value: stats.revalidations.toLocaleString(), testId: 'total-revalidations' },
    {
      label: 'Coalesced requests',
      value: stats.coalescedRequests.toLocaleString(),
      testId: 'total-coalesced',
      hint: 'answered by a fetch already under way',
    },
    { label: 'Bytes served', value: formatBytes(stats.bytesServed), testId: 'total-bytes-served' },
    {
      label: 'Time saved',
      value: formatDuration(stats.timeSavedMs),
      testId: 'total-time-saved',
      hint: 'from measured Plex fetch times',
    },
    {
      label: 'Cache entries',
      value: stats.entries.toLocaleString(),
      testId: 'total-entries',
      hint: `${stats.entryStates.fresh} fresh, ${stats.entryStates.stale} stale, ${stats.entryStates.expired} expired`,
    },
  ]
  const evictions: Figure[] = [
    { label: 'Expired', value: stats.evictions.expired.toLocaleString(), testId: 'evictions-expired' },
    {
      label: 'Size limit',
      value: stats.evictions.size_limit.toLocaleString(),
      testId: 'evictions-size-limit',
    },
    { label: 'Too large', value: stats.evictions.too_large.toLocaleString(), testId: 'evictions-too-large' },
    { label: 'Cleared', value: stats.evictions.cleared.toLocaleString(), testId: 'evictions-cleared' },
    { label: 'Damaged', value: stats.evictions.damaged.toLocaleString(), testId: 'evictions-damaged' },
  ]
  return (
    <div className="stats-details">
      <SizeBar bytes={stats.bytes} limit={stats.sizeLimitBytes} />
      <FigureList figures={figures} className="stats-detail-list" label="Cache activity" />
      <h4 className="stats-subheading" id="evictions-heading">
        Evictions by reason
      </h4>
      <FigureList figures={evictions} className="stats-detail-list" labelledBy="evictions-heading" />
    </div>
  )
}

function SizeBar({ bytes, limit }: { bytes: number; limit: number }) {
  const percent = limit > 0 ? Math.min(100, (bytes / limit) * 100) : 0
  return (
    <div className="stats-size">
      <div className="stats-size-text">
        <span>Cache size</span>
        <span data-testid="total-size">
          {formatBytes(bytes)} of {formatBytes(limit)}
        </span>
      </div>
      <div
        className="stats-size-track"
        role="meter"
        aria-label="Cache size against the size limit"
        aria-valuemin={0}
        aria-valuemax={limit}
        aria-valuenow={bytes}
        aria-valuetext={`${formatBytes(bytes)} of ${formatBytes(limit)}`}
      >
        <div className="stats-size-fill" style={{ width: `${percent}%` }} />
      </div>
    </div>
  )
}

function FigureList({
  figures,
  className,
  label,
  labelledBy,
}: {
  figures: Figure[]
  className: string
  label?: string
  labelledBy?: string
}) {
  return (
    <dl className={className} aria-label={label} aria-labelledby={labelledBy}>
      {figures.map((figure) => (
        <div className="stats-figure" key={figure.testId}>
          <dt>{figure.label}</dt>
          <dd data-testid={figure.testId}>{figure.value}</dd>
          {figure.hint !== undefined && <dd className="stats-figure-hint muted small">{figure.hint}</dd>}
        </div>
      ))}
    </dl>
  )
}
