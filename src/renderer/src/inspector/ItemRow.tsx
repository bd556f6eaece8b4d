import { memo } from 'react'
import type { CachedItem } from '../../../shared/plex-data'
import { FilePath } from './FilePath'
import { externalIdsText, optimizedCopies, shownFile } from './item-facts'

interface RowPosition {
  index: number
  gridId: string
  top: number
}

/** "Show › S01E02 · Title" for episodes and tracks: the title alone says little. */
function displayTitle(item: CachedItem): string {
  const parents = [item.grandparentTitle, item.parentTitle].filter(Boolean).join(' › ')
  return parents === '' ? item.title : `${parents} › ${item.title}`
}

/** One item; memoised so scrolling re-renders only the rows that enter the window. */
export const ItemRow = memo(function ItemRow({
  index,
  gridId,
  top,
  item,
  selected,
  found,
  onSelect,
}: RowPosition & { item: CachedItem; selected: boolean; found: boolean; onSelect: (index: number) => void }) {
  const paths = item.files.map((file) => (file.optimized ? `${file.path} (optimized version)` : file.path))
  const title = displayTitle(item)
  const ids = externalIdsText(item)
  const shown = shownFile(item)
  const copies = optimizedCopies(item)
  return (
    <div
      id={`${gridId}-row-${index}`}
      className={`vgrid-row vgrid-item${selected ? ' vgrid-selected' : ''}${found ? ' vgrid-found' : ''}`}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      style={{ transform: `translateY(${top}px)` }}
      onClick={() => onSelect(index)}
      data-testid="item-row"
      data-index={index}
      data-rating-key={item.ratingKey}
    >
      <span role="gridcell" title={ids === '' ? title : `${title}\n${ids}`}>
        <span className="vgrid-title" data-testid="item-title">
          {title}
        </span>
        {ids !== '' && (
          <span className="vgrid-ids" data-testid="item-ids">
            {' '}
            {ids}
          </span>
        )}
      </span>
      <span role="gridcell" className="number">
        {item.year ?? '—'}
      </span>
      <span role="gridcell" className="vgrid-type">
        {item.type}
      </span>
      <span role="gridcell" className="vgrid-path" title={paths.join('\n')} data-testid="item-path">
        {shown === undefined ? <span className="muted">no files</span> : <FilePath path={shown.path} />}
        {/* Said in the row, not only in a tooltip; the item's details list every file in full. */}
        {(paths.length > 1 || copies.length > 0) && (
          <span className="vgrid-path-extras">
            {paths.length > 1 && (
              <span className="vgrid-more" data-testid="item-more-files">
                +{paths.length - 1} more
              </span>
            )}
            {copies.length > 0 && (
              <span
                className="badge badge-optimized"
                data-testid="item-optimized"
                title="A copy Plex made with Optimize (under Plex Versions), not the original file"
              >
                {shown?.optimized ? 'optimized version' : 'optimized copy'}
              </span>
            )}
          </span>
        )}
      </span>
    </div>
  )
})

/** A row whose page has not arrived yet: same height, so nothing moves when it fills in. */
export function PlaceholderRow({ index, gridId, top }: RowPosition) {
  return (
    <div
      id={`${gridId}-row-${index}`}
      className="vgrid-row vgrid-placeholder"
      role="row"
      aria-rowindex={index + 2}
      aria-busy="true"
      style={{ transform: `translateY(${top}px)` }}
    >
      <span role="gridcell">
        <span className="skeleton" />
      </span>
      <span role="gridcell" />
      <span role="gridcell" />
      <span role="gridcell">
        <span className="skeleton skeleton-wide" />
      </span>
    </div>
  )
}
