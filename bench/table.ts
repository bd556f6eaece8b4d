/** Plain-text table rendering, so every bench part prints in the same style. */

export type Alignment = 'left' | 'right'

export interface Column {
  header: string
  align?: Alignment
}

const displayWidth = (text: string): number => [...text].length

function pad(text: string, width: number, align: Alignment): string {
  const padding = ' '.repeat(Math.max(0, width - displayWidth(text)))
  return align === 'right' ? padding + text : text + padding
}

export function renderTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string[] {
  const widths = columns.map((column, index) =>
    Math.max(displayWidth(column.header), ...rows.map((row) => displayWidth(row[index] ?? ''))),
  )
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, index) => pad(cell, widths[index] ?? 0, columns[index]?.align ?? 'left'))
      .join('  ')
      .trimEnd()
  return [
    line(columns.map((column) => column.header)),
    line(widths.map((width) => '-'.repeat(width))),
    ...rows.map(line),
  ]
}

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return 'n/a'
  if (ms >= 100) return ms.toFixed(0)
  if (ms >= 10) return ms.toFixed(1)
  if (ms >= 1) return ms.toFixed(2)
  return ms.toFixed(3)
}

export function formatRatio(ratio: number): string {
  if (!Number.isFinite(ratio)) return 'n/a'
  return ratio >= 0.1 ? `${ratio.toFixed(2)}x` : `${ratio.toFixed(4)}x`
}
