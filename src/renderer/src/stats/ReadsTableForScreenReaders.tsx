import type { ReactNode } from 'react'

interface Props {
  caption: string
  /** What each row is: a period, a library. */
  rowHeading: string
  testId: string
  /** The rows: each a `th scope="row"` and its hits, misses and hit rate. */
  children: ReactNode
}

/**
 * A chart's hits and misses as a table that only screen readers see, since they cannot read the
 * bars; every chart on this page gives the same four columns.
 */
export function ReadsTableForScreenReaders({ caption, rowHeading, testId, children }: Props) {
  return (
    <table className="stats-sr-only" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{rowHeading}</th>
          <th scope="col">Hits</th>
          <th scope="col">Misses</th>
          <th scope="col">Hit rate</th>
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  )
}
