import './column-heads.css'

export interface Column {
  label: string
  /** Figures: right-aligned by the caller's number class. */
  numeric?: boolean
  /** Read to screen readers only, as the head of a column of buttons is. */
  hidden?: boolean
}

interface ColumnHeadsProps {
  columns: readonly Column[]
  /**
   * `th` for a real table; `span` for a table laid out as a CSS grid, where each head says its
   * role so screen readers still read every cell with its column's name.
   */
  as: 'th' | 'span'
  numberClassName: string
}

/** The column heads of a table of rows, written once for the real tables and the grid ones. */
export function ColumnHeads({ columns, as, numberClassName }: ColumnHeadsProps) {
  return (
    <>
      {columns.map((column) => {
        const className = column.numeric ? `column-head ${numberClassName}` : 'column-head'
        const text = column.hidden ? <span className="visually-hidden">{column.label}</span> : column.label
        return as === 'th' ? (
          <th key={column.label} scope="col" className={className}>
            {text}
          </th>
        ) : (
          <span key={column.label} role="columnheader" className={className}>
            {text}
          </span>
        )
      })}
    </>
  )
}
