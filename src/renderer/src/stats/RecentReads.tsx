import type { RecentRead } from '../../../shared/recent-reads'
import { useBridge } from '../bridge/BridgeContext'
import { readOperations } from '../data/read-operations'
import { useErrorToast } from '../data/useErrorToast'
import { useRead } from '../data/useRead'
import { consumerLabel } from './ConsumerTable'

const OUTCOME_TEXT: Record<RecentRead['outcome'], string> = {
  hit: 'Hit',
  miss: 'Miss',
  stale: 'Stale',
  failed: 'Failed',
  passed: 'Passed to Plex',
}

/**
 * The last reads made for consumers ("what did my script just fetch?"), newest first: the command
 * line's and other tools', read from the cache file every process shares. Never this window's own.
 */
export function RecentReads() {
  const bridge = useBridge()
  const reads = useRead(readOperations.recentReads(bridge))
  useErrorToast(reads.error)
  if (reads.value === undefined) return <p className="muted">Loading recent reads…</p>
  if (reads.value.length === 0) {
    return (
      <p className="muted" data-testid="recent-reads-empty">
        No reads by the command line or other tools yet.
      </p>
    )
  }
  return (
    <div className="stats-recent-reads">
      <table className="stats-table" data-testid="recent-reads">
        <caption className="stats-sr-only">
          The last {reads.value.length} reads made for consumers, newest first
        </caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Consumer</th>
            <th scope="col">What</th>
            <th scope="col">Answer</th>
            <th scope="col">Items</th>
          </tr>
        </thead>
        <tbody>
          {reads.value.map((read, index) => (
            <tr key={`${read.at}-${index}`} data-testid="recent-read" data-outcome={read.outcome}>
              <td>
                <time dateTime={new Date(read.at).toISOString()}>
                  {new Date(read.at).toLocaleTimeString()}
                </time>
              </td>
              <td data-testid="recent-read-consumer">{consumerLabel(read.consumer)}</td>
              <td data-testid="recent-read-what">{whatWasRead(read)}</td>
              <td>
                <span
                  className={`recent-read-outcome outcome-${read.outcome}`}
                  data-testid="recent-read-outcome"
                >
                  {OUTCOME_TEXT[read.outcome]}
                </span>
              </td>
              <td>{read.items === null ? '—' : read.items.toLocaleString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function whatWasRead(read: RecentRead): string {
  const library = read.libraryTitle ?? read.library ?? ''
  switch (read.kind) {
    case 'library':
      return read.query === '' ? library : `${library}, filtered by “${read.query}”`
    case 'search':
      return `Search “${read.query}” in ${library}`
    case 'find':
      return `Find file “${read.query}”`
    case 'plex':
      return read.query
  }
}
