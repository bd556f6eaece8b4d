import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import type { CachedItem } from '../../../shared/plex-data'
import { ItemRow, PlaceholderRow } from './ItemRow'

/** Fixed row height: the position of any row is index × height, so nothing is measured. */
export const ROW_HEIGHT = 36
/** Rows rendered above and below the visible window, so a fast wheel never shows blanks. */
const OVERSCAN = 10

/** A row to bring into view and focus once; a new `jump` asks again for the same row. */
export interface GridJump {
  index: number
  jump: number
}

interface VirtualGridProps {
  label: string
  total: number
  /** Changes when the rows are replaced (another library or filter): the list goes back to the top. */
  rowsKey: string
  itemAt: (index: number) => CachedItem | undefined
  ensure: (first: number, last: number) => void
  selected: number | null
  onSelect: (index: number) => void
  /** The item "find by file" jumped to. */
  foundKey: string | null
  /** "Show in list": the found row, scrolled to and focused once it is in the rows. */
  jumpTo?: GridJump | null
}

/**
 * A hand-rolled virtual list as an ARIA grid: one tall spacer gives the scrollbar its true
 * length, and only the rows in (or near) the viewport exist in the DOM. The grid is itself the
 * scrolling element, so the one tab stop that scrolls it is also the one that names it, and the
 * header row stays in place above the rows (sticky).
 */
export function VirtualGrid(props: VirtualGridProps) {
  const { label, total, rowsKey, itemAt, ensure, selected, onSelect, foundKey, jumpTo = null } = props
  const gridId = useId()
  const scroller = useRef<HTMLDivElement>(null)
  const head = useRef<HTMLDivElement>(null)
  // The first visible row, not the pixel offset: scrolling within a row renders nothing.
  const [topRow, setTopRow] = useState(0)
  const [viewport, setViewport] = useState(ROW_HEIGHT * 14)

  useEffect(() => {
    const element = scroller.current
    if (element === null) return
    const observer = new ResizeObserver(([entry]) => setViewport(entry?.contentRect.height ?? 0))
    observer.observe(element)
    return () => observer.disconnect()
  }, [])

  useEffect(() => {
    if (scroller.current !== null) scroller.current.scrollTop = 0
  }, [rowsKey])

  const first = Math.max(0, topRow - OVERSCAN)
  const last = Math.min(total - 1, topRow + Math.ceil(viewport / ROW_HEIGHT) + OVERSCAN)
  useEffect(() => {
    if (last >= first) ensure(first, last)
  }, [first, last, ensure])

  /** Scrolls only as far as needed to show the row below the sticky header, like a native list box. */
  const reveal = (index: number) => {
    const element = scroller.current
    if (element === null) return
    const headHeight = head.current?.offsetHeight ?? 0
    const top = index * ROW_HEIGHT
    if (top < element.scrollTop) element.scrollTop = top
    else if (top + headHeight + ROW_HEIGHT > element.scrollTop + element.clientHeight)
      element.scrollTop = top + headHeight + ROW_HEIGHT - element.clientHeight
  }

  const handledJump = useRef<number | null>(null)
  useEffect(() => {
    const element = scroller.current
    if (jumpTo === null || element === null || handledJump.current === jumpTo.jump) return
    handledJump.current = jumpTo.jump
    reveal(jumpTo.index)
    // The list may sit below the fold: bring it into the window, and keyboard focus with it.
    element.scrollIntoView({ block: 'nearest' })
    element.focus({ preventScroll: true })
  }, [jumpTo])

  const rowsPerPage = Math.max(1, Math.floor(viewport / ROW_HEIGHT) - 2)
  const move = (index: number) => {
    const target = Math.min(total - 1, Math.max(0, index))
    onSelect(target)
    reveal(target)
  }

  const onKeyDown = (event: KeyboardEvent) => {
    if (total === 0) return
    const current = selected ?? -1
    const targets: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      PageDown: current + rowsPerPage,
      PageUp: current - rowsPerPage,
      Home: 0,
      End: total - 1,
    }
    const target = targets[event.key]
    if (target === undefined) return
    event.preventDefault()
    move(target)
  }

  const rows = []
  for (let index = first; index <= last; index++) {
    const item = itemAt(index)
    const common = { index, gridId, top: index * ROW_HEIGHT }
    rows.push(
      item === undefined ? (
        <PlaceholderRow key={index} {...common} />
      ) : (
        <ItemRow
          key={index}
          {...common}
          item={item}
          selected={index === selected}
          found={item.ratingKey === foundKey}
          onSelect={onSelect}
        />
      ),
    )
  }
  const activeRow = selected !== null && selected >= first && selected <= last ? selected : null

  return (
    <div
      className="vgrid"
      role="grid"
      ref={scroller}
      aria-label={label}
      aria-rowcount={total + 1}
      aria-colcount={4}
      aria-activedescendant={activeRow === null ? undefined : `${gridId}-row-${activeRow}`}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onScroll={(event) => setTopRow(Math.floor(event.currentTarget.scrollTop / ROW_HEIGHT))}
      data-testid="item-grid"
      data-total={total}
    >
      <div className="vgrid-head" role="rowgroup" ref={head}>
        <div className="vgrid-row" role="row" aria-rowindex={1}>
          <span role="columnheader">Title</span>
          <span role="columnheader" className="number">
            Year
          </span>
          <span role="columnheader">Type</span>
          <span role="columnheader">File path(s)</span>
        </div>
      </div>
      <div className="vgrid-spacer" role="rowgroup" style={{ height: total * ROW_HEIGHT }}>
        {rows}
      </div>
    </div>
  )
}
