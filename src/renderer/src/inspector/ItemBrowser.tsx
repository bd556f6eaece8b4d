import { useCallback, useId, useState } from 'react'
import type { CacheEntryRow } from '../../../shared/service-types'
import { ItemDetails } from './ItemDetails'
import { useDebouncedValue } from './useDebouncedValue'
import { PAGE_SIZE, useItemPages } from './useItemPages'
import { VirtualGrid } from './VirtualGrid'

/** Long enough to skip the keystrokes of a word, short enough to feel immediate. */
export const FILTER_DEBOUNCE_MS = 150

interface ItemBrowserProps {
  /** The cached library listings; only these can be browsed. */
  listings: readonly CacheEntryRow[]
  library: string | null
  onLibrary: (library: string) => void
  filter: string
  onFilter: (filter: string) => void
  /** The item "find by file" jumped to. */
  found: FoundItem | null
}

/** The item "Show in list" asked for; each click has a new `jump`. */
export interface FoundItem {
  ratingKey: string
  jump: number
}

/** Browses one cached library page by page, with a filter answered by the cache's own indexes. */
export function ItemBrowser({ listings, library, onLibrary, filter, onFilter, found }: ItemBrowserProps) {
  const pickerId = useId()
  const filterId = useId()
  const settledFilter = useDebouncedValue(filter.trim(), FILTER_DEBOUNCE_MS)
  const listing = listings.find((row) => row.library === library)
  const generation = listing?.createdAt ?? 0
  const pages = useItemPages(library, settledFilter, generation)
  // A pick belongs to the rows it was made in, and gives way to the next "Show in list".
  const jump = found?.jump ?? 0
  const [selection, setSelection] = useState<{ key: string | null; jump: number; index: number } | null>(null)
  const select = useCallback(
    (index: number) => setSelection({ key: pages.key, jump, index }),
    [pages.key, jump],
  )

  const foundKey = found?.ratingKey ?? null
  // The found item's row, once the rows are those of the filter it set (not the ones before it).
  let foundIndex: number | null = null
  if (foundKey !== null && !pages.pending && settledFilter === filter.trim()) {
    for (let index = 0; index < Math.min(pages.total ?? 0, PAGE_SIZE); index++) {
      if (pages.itemAt(index)?.ratingKey === foundKey) foundIndex = index
    }
  }
  // After a jump, the found item is selected until the user picks another row.
  const selected =
    selection !== null && selection.key === pages.key && selection.jump === jump
      ? selection.index
      : foundIndex
  const jumpTo = found !== null && foundIndex !== null ? { index: foundIndex, jump: found.jump } : null

  const total = pages.total
  const title = listing?.libraryTitle ?? (library === null ? '' : `Library ${library}`)

  return (
    <section className="panel inspector-panel" aria-labelledby="browser-heading" data-testid="item-browser">
      <div className="panel-header browser-header">
        <div>
          <h2 id="browser-heading">Items</h2>
          <p className="muted small" aria-live="polite" data-testid="browser-summary">
            {listing === undefined
              ? 'Pick a cached library.'
              : total === undefined
                ? 'Loading…'
                : settledFilter === ''
                  ? `${total.toLocaleString()} items`
                  : `${total.toLocaleString()} of ${listing.itemCount.toLocaleString()} items match`}
          </p>
        </div>
        <div className="browser-controls">
          <label className="inspector-field" htmlFor={pickerId}>
            <span>Library</span>
            <select
              id={pickerId}
              value={library ?? ''}
              disabled={listings.length === 0}
              onChange={(event) => onLibrary(event.target.value)}
              data-testid="browser-library"
            >
              {listings.length === 0 && <option value="">No cached libraries</option>}
              {listings.map((row) => (
                <option key={row.library} value={row.library}>
                  {row.libraryTitle ?? `Library ${row.library}`}
                </option>
              ))}
            </select>
          </label>
          <label className="inspector-field inspector-field-grow" htmlFor={filterId}>
            <span>Filter by title or path</span>
            <input
              id={filterId}
              type="search"
              value={filter}
              placeholder="e.g. matrix or /movies/2001"
              disabled={listing === undefined}
              onChange={(event) => onFilter(event.target.value)}
              data-testid="browser-filter"
              aria-controls={`${filterId}-grid`}
            />
          </label>
        </div>
      </div>
      {listing === undefined ? (
        <p className="muted" data-testid="browser-empty">
          Refresh a library on the Libraries tab; its items can then be browsed here.
        </p>
      ) : (
        <div
          id={`${filterId}-grid`}
          className={pages.pending ? 'browser-body browser-pending' : 'browser-body'}
        >
          <VirtualGrid
            label={`Items of ${title}`}
            total={total ?? 0}
            rowsKey={pages.key ?? ''}
            itemAt={pages.itemAt}
            ensure={pages.ensure}
            selected={selected}
            onSelect={select}
            foundKey={foundKey}
            jumpTo={jumpTo}
          />
          {total === 0 && (
            <p className="browser-none muted" data-testid="browser-no-match">
              No item matches “{settledFilter}”.
            </p>
          )}
        </div>
      )}
      {listing !== undefined && (
        <ItemDetails item={selected === null || pages.pending ? undefined : pages.itemAt(selected)} />
      )}
    </section>
  )
}
