import { useEffect, useState } from 'react'
import { formatBytes } from '../../../shared/format'
import type { LibraryRow } from '../../../shared/service-types'
import { ColumnHeads, type Column } from '../controls/ColumnHeads'
import { useCacheStats } from '../hooks/useCacheStats'
import { useNow } from '../timing/useNow'
import { CacheSummary } from './CacheSummary'
import { ClearCacheButton } from './ClearCacheButton'
import { ClearLibraryDialog } from './ClearLibraryDialog'
import { LibraryRowView } from './LibraryRowView'
import { queuePosition } from './refresh-outcomes'
import { RefreshAnnouncer } from './RefreshAnnouncer'
import { RefreshRunBar } from './RefreshRunBar'
import { useLibraries } from './useLibraries'
import './libraries.css'

const COLUMNS: readonly Column[] = [
  { label: 'Library' },
  { label: 'State' },
  { label: 'Items', numeric: true },
  { label: 'Size', numeric: true },
  { label: 'Expires in' },
  { label: 'Actions', hidden: true },
]

/** The home view: one row per Plex library, with its cache state and a live countdown. */
export function LibrariesView({ offline }: { offline: boolean }) {
  const libraries = useLibraries()
  const stats = useCacheStats()
  const now = useNow()
  const rows = libraries.rows
  const totalItems = (rows ?? []).reduce((sum, row) => sum + (row.itemCount ?? 0), 0)
  const anyRefreshing = libraries.refreshing.size > 0 || libraries.refreshingAll
  /** The library whose Clear was clicked: asked about before anything goes. */
  const [clearing, setClearing] = useState<LibraryRow | null>(null)

  // When a countdown runs out, ask main again: it decides whether the copy is expired or stale.
  const runOut = (rows ?? []).filter((row) => row.expiresAt !== null && row.expiresAt <= now).length
  const { reload } = libraries
  useEffect(() => {
    if (runOut > 0) reload()
  }, [runOut, reload])

  return (
    <section className="panel" aria-labelledby="libraries-heading" data-testid="libraries-view">
      <RefreshAnnouncer outcomes={libraries.outcomes} rows={rows} run={libraries.run} />
      <div className="panel-header">
        <div className="panel-title">
          <h2 id="libraries-heading">Libraries</h2>
          {rows !== undefined && (
            <p className="muted small" data-testid="libraries-summary">
              {rows.length} {rows.length === 1 ? 'library' : 'libraries'} · {totalItems.toLocaleString()}{' '}
              items cached · {formatBytes(rows.reduce((sum, row) => sum + row.bytes, 0))} on disk
            </p>
          )}
        </div>
        <CacheSummary stats={stats.value} />
        <div className="panel-actions">
          <button
            type="button"
            className="button button-primary"
            data-testid="refresh-all"
            disabled={rows === undefined || rows.length === 0 || anyRefreshing}
            onClick={() => void libraries.refreshAll()}
          >
            Refresh all
          </button>
          <button
            type="button"
            className="button"
            data-testid="refetch-all"
            title="Fetch every library from Plex again, even the ones that did not change"
            disabled={rows === undefined || rows.length === 0 || anyRefreshing}
            onClick={() => void libraries.refreshAll({ refetch: true })}
          >
            Refetch all
          </button>
          <ClearCacheButton />
        </div>
      </div>

      <RefreshRunBar
        run={libraries.run}
        endedAt={libraries.runEndedAt}
        busy={anyRefreshing}
        now={now}
        onCancel={() => void libraries.cancel()}
      />
      <ClearLibraryDialog
        library={clearing}
        onCancel={() => setClearing(null)}
        onConfirm={async (key) => {
          await libraries.clear(key)
          setClearing(null)
        }}
      />

      {rows === undefined && libraries.error !== null && (
        <p className="inline-error" role="alert" data-testid="libraries-error">
          {libraries.error.message}
        </p>
      )}
      {rows === undefined && libraries.error === null && <p className="muted">Loading libraries…</p>}
      {rows !== undefined && rows.length === 0 && (
        <p className="muted" data-testid="libraries-ready">
          This server has no libraries yet.
        </p>
      )}
      {rows !== undefined && rows.length > 0 && (
        // A table to screen readers too (each cell read with its column header), laid out as a
        // CSS grid so its columns can fold at small widths.
        <div className="library-table" role="table" aria-label="Libraries" data-testid="libraries-ready">
          <div className="library-row library-row-head" role="row">
            <ColumnHeads columns={COLUMNS} as="span" numberClassName="library-number" />
          </div>
          <div className="library-list" role="rowgroup">
            {rows.map((row) => (
              <LibraryRowView
                key={row.key}
                row={row}
                now={now}
                offline={offline}
                refreshing={libraries.refreshing.has(row.key)}
                progress={libraries.progress.get(row.key)}
                waiting={queuePosition(libraries.run, row.key)}
                outcome={libraries.outcomes.get(row.key)}
                onRefresh={(key) => void libraries.refresh(key)}
                onClear={() => setClearing(row)}
              />
            ))}
          </div>
        </div>
      )}
    </section>
  )
}
