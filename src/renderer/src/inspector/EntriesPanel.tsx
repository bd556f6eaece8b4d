import { useState } from 'react'
import { formatBytes } from '../../../shared/format'
import type { CacheEntryRow } from '../../../shared/service-types'
import { useBridge } from '../bridge/BridgeContext'
import { ColumnHeads, type Column } from '../controls/ColumnHeads'
import { SmallButton } from '../controls/SmallButton'
import { toneClass, type Tone } from '../controls/tone'
import { ConfirmDialog } from '../dialogs/ConfirmDialog'
import { useToasts } from '../toasts/Toasts'
import { useNow } from '../timing/useNow'
import { formatTtl } from './ttl'
import { sortEntries } from './useEntries'
import type { Reloadable } from '../data/useRead'

interface EntriesPanelProps {
  entries: Reloadable<CacheEntryRow[]>
  /** Opens a cached listing in the item browser. */
  onBrowse: (library: string) => void
}

const COLUMNS: readonly Column[] = [
  { label: 'Entry' },
  { label: 'Query' },
  { label: 'Items', numeric: true },
  { label: 'Size', numeric: true },
  { label: 'Expires in' },
  { label: 'Actions', hidden: true },
]

const KIND_TONES: Record<CacheEntryRow['kind'], Tone> = { library: 'warning', search: 'info' }

const entryId = (row: CacheEntryRow) => `${row.kind}:${row.library}:${row.query ?? ''}`

/** Every cache entry with its size and a countdown that ticks locally; each can be deleted. */
export function EntriesPanel({ entries, onBrowse }: EntriesPanelProps) {
  const rows = entries.value === undefined ? undefined : sortEntries(entries.value)
  const searches = rows?.filter((row) => row.kind === 'search').length ?? 0

  return (
    <section className="panel inspector-panel" aria-labelledby="entries-heading" data-testid="entries-panel">
      <div className="panel-header">
        <div>
          <h2 id="entries-heading">Cache entries</h2>
          <p className="muted small" data-testid="entries-summary">
            {rows === undefined
              ? 'Loading…'
              : `${rows.length - searches} library ${rows.length - searches === 1 ? 'listing' : 'listings'} · ` +
                `${searches} cached ${searches === 1 ? 'search' : 'searches'}`}
          </p>
        </div>
      </div>
      {entries.error !== null && (
        <p className="inline-error" role="alert">
          {entries.error.message}
        </p>
      )}
      {rows !== undefined && rows.length === 0 && (
        <p className="muted" data-testid="entries-empty">
          Nothing is cached yet. Refresh a library to see its listing here.
        </p>
      )}
      {rows !== undefined && rows.length > 0 && <EntriesTable rows={rows} onBrowse={onBrowse} />}
    </section>
  )
}

function EntriesTable({ rows, onBrowse }: { rows: CacheEntryRow[]; onBrowse: (library: string) => void }) {
  const bridge = useBridge()
  const toasts = useToasts()
  const now = useNow()
  const [deleting, setDeleting] = useState<ReadonlySet<string>>(new Set())
  /** The entry whose Delete was clicked: a listing may be 100,000 items, so it is asked about first. */
  const [asking, setAsking] = useState<CacheEntryRow | null>(null)

  const remove = async (row: CacheEntryRow) => {
    setAsking(null)
    const id = entryId(row)
    setDeleting((all) => new Set(all).add(id))
    const result =
      row.kind === 'library'
        ? await bridge.clearLibrary({ library: row.library })
        : await bridge.deleteSearch({ library: row.library, title: row.query ?? '' })
    if (!result.ok) toasts.show('error', result.error.message)
    // The 'changed' event re-reads the list; the row disappears with it.
    setDeleting((all) => {
      const next = new Set(all)
      next.delete(id)
      return next
    })
  }

  return (
    <>
      <ConfirmDialog
        open={asking !== null}
        title={asking === null ? '' : `Delete ${entryLabel(asking)}?`}
        confirmLabel="Delete"
        testId="entry-delete-dialog"
        onCancel={() => setAsking(null)}
        onConfirm={() => asking !== null && void remove(asking)}
      >
        {asking !== null && <p data-testid="entry-delete-summary">{deleteSummary(asking)}</p>}
        <p className="muted">It is fetched from Plex again the next time it is read.</p>
      </ConfirmDialog>
      <table className="entries-table" data-testid="entries-table">
        <thead>
          <tr>
            <ColumnHeads columns={COLUMNS} as="th" numberClassName="number" />
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const title = row.libraryTitle ?? `Library ${row.library}`
            const label = entryLabel(row)
            return (
              <tr
                key={entryId(row)}
                data-testid="entry-row"
                data-kind={row.kind}
                data-state={row.state}
                aria-label={label}
              >
                <td>
                  <span className={`entry-kind entry-kind-${row.kind}${toneClass(KIND_TONES[row.kind])}`}>
                    {row.kind === 'library' ? 'Listing' : 'Search'}
                  </span>
                  <span className="entry-library" data-testid="entry-library">
                    {title}
                  </span>
                </td>
                <td className="entry-query" data-testid="entry-query">
                  {row.kind === 'search' ? (
                    <code>{row.query}</code>
                  ) : (
                    <span className="muted">all items</span>
                  )}
                </td>
                <td className="number" data-testid="entry-items">
                  {row.itemCount.toLocaleString()}
                </td>
                <td className="number">{formatBytes(row.bytes)}</td>
                <td>
                  <time
                    className={`inspector-ttl${row.expiresAt <= now ? ' inspector-ttl-over' : ''}`}
                    dateTime={new Date(row.expiresAt).toISOString()}
                    title={`Expires at ${new Date(row.expiresAt).toLocaleString()}`}
                    data-testid="entry-ttl"
                  >
                    {formatTtl(row.expiresAt - now)}
                  </time>
                  {/* Expired but served, because Plex is unreachable: browsable, and marked so. */}
                  {row.state === 'stale' && (
                    <span className="badge badge-stale" data-testid="entry-stale">
                      stale
                    </span>
                  )}
                </td>
                <td className="entry-actions">
                  {row.kind === 'library' && (
                    <SmallButton
                      label={`Browse ${title}`}
                      testId="entry-browse"
                      onClick={() => onBrowse(row.library)}
                    >
                      Browse
                    </SmallButton>
                  )}
                  <SmallButton
                    tone="danger"
                    label={`Delete ${label}`}
                    testId="entry-delete"
                    disabled={deleting.has(entryId(row))}
                    onClick={() => setAsking(row)}
                  >
                    Delete
                  </SmallButton>
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </>
  )
}

function entryLabel(row: CacheEntryRow): string {
  const title = row.libraryTitle ?? `Library ${row.library}`
  return row.kind === 'library' ? `${title} listing` : `${title} search “${row.query ?? ''}”`
}

function deleteSummary(row: CacheEntryRow): string {
  const items = `${row.itemCount.toLocaleString()} ${row.itemCount === 1 ? 'item' : 'items'}`
  return row.kind === 'library'
    ? `This removes the cached listing (${items}, ${formatBytes(row.bytes)}) and its cached searches.`
    : `This removes the cached search (${row.itemCount === 1 ? '1 result' : `${row.itemCount.toLocaleString()} results`}).`
}
