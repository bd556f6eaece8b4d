import { formatBytes, formatDuration, formatPercent } from '../../../shared/format'
import type { ServiceStats } from '../../../shared/service-types'

/** Plainer names for the consumers this app names itself; a tool's own name is shown as it gave it. */
const KNOWN_CONSUMERS: Record<string, string> = {
  cli: 'Command line',
  unnamed: 'Unnamed callers',
}

/** A consumer as the window names it: the app's own in plain words, a tool by the name it gave. */
export function consumerLabel(name: string): string {
  return KNOWN_CONSUMERS[name] ?? name
}

/**
 * Whose reads the cache answered: a row per consumer that would otherwise have asked Plex, and the
 * window's own browsing apart, since looking at the cache spares nobody a request.
 */
export function ConsumerTable({ stats }: { stats: ServiceStats }) {
  const consumers = Object.entries(stats.byConsumer).sort(
    ([, a], [, b]) => b.hits + b.misses - (a.hits + a.misses),
  )
  return (
    <div className="stats-consumers">
      {consumers.length === 0 ? (
        <p className="muted" data-testid="consumer-table-empty">
          No reads by the command line or other tools yet.
        </p>
      ) : (
        <table className="stats-table" data-testid="consumer-table">
          <caption className="stats-sr-only">Cache reads by consumer</caption>
          <thead>
            <tr>
              <th scope="col">Consumer</th>
              <th scope="col">Hits</th>
              <th scope="col">Misses</th>
              <th scope="col">Hit rate</th>
              <th scope="col">Requests avoided</th>
              <th scope="col">Time saved</th>
              <th scope="col">Stale answers</th>
              <th scope="col">Passed to Plex</th>
              <th scope="col">Served</th>
            </tr>
          </thead>
          <tbody>
            {consumers.map(([name, figures]) => (
              <tr key={name} data-testid="consumer-row" data-consumer={name}>
                <th scope="row">{consumerLabel(name)}</th>
                <td data-testid="consumer-hits">{figures.hits.toLocaleString()}</td>
                <td data-testid="consumer-misses">{figures.misses.toLocaleString()}</td>
                <td>
                  {figures.hits + figures.misses === 0
                    ? '—'
                    : formatPercent(figures.hits / (figures.hits + figures.misses))}
                </td>
                <td data-testid="consumer-avoided">{figures.plexRequestsAvoided.toLocaleString()}</td>
                <td data-testid="consumer-time-saved">{formatDuration(figures.timeSavedMs)}</td>
                <td data-testid="consumer-stale">{figures.stale.toLocaleString()}</td>
                <td data-testid="consumer-passed-through">{figures.passedThrough.toLocaleString()}</td>
                <td data-testid="consumer-bytes-served">{formatBytes(figures.bytesServed)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="muted small" data-testid="inspection-reads">
        Inspection reads (this window&apos;s own browsing, never counted as hits):{' '}
        <strong>{stats.inspectionReads.toLocaleString()}</strong>
      </p>
    </div>
  )
}
