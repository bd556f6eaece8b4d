import { formatBytes } from '../../../shared/format'
import { useNow } from '../hooks/useNow'
import { LibraryRowView } from './LibraryRowView'
import { useLibraries } from './useLibraries'

/** The home view: one row per Plex library, with its cache state and a live countdown. */
export function LibrariesView() {
  const libraries = useLibraries()
  const now = useNow(1000)
  const rows = libraries.rows
  const totalItems = (rows ?? []).reduce((sum, row) => sum + (row.itemCount ?? 0), 0)
  const totalBytes = (rows ?? []).reduce((sum, row) => sum + row.bytes, 0)
  const anyRefreshing = libraries.refreshing.size > 0

  return (
    <section className="panel" aria-labelledby="libraries-heading">
      <div className="panel-header">
        <div>
          <h2 id="libraries-heading">Libraries</h2>
          {rows !== undefined && (
            <p className="muted small" data-testid="libraries-summary">
              {rows.length} {rows.length === 1 ? 'library' : 'libraries'} · {totalItems.toLocaleString()}{' '}
              items cached · {formatBytes(totalBytes)} on disk
            </p>
          )}
        </div>
        <button
          type="button"
          className="button button-primary"
          data-testid="refresh-all"
          disabled={rows === undefined || rows.length === 0 || anyRefreshing}
          onClick={() => void libraries.refreshAll()}
        >
          Refresh all
        </button>
      </div>

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
        <div className="library-table" data-testid="libraries-ready">
          <div className="library-row library-row-head" aria-hidden="true">
            <span>Library</span>
            <span>State</span>
            <span className="library-number">Items</span>
            <span className="library-number">Size</span>
            <span>Expires in</span>
            <span />
          </div>
          <ul className="library-list" aria-label="Libraries">
            {rows.map((row) => (
              <LibraryRowView
                key={row.key}
                row={row}
                now={now}
                refreshing={libraries.refreshing.has(row.key)}
                progress={libraries.progress.get(row.key)}
                onRefresh={(key) => void libraries.refresh(key)}
              />
            ))}
          </ul>
        </div>
      )}
    </section>
  )
}
