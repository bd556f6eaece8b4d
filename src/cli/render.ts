import type { CachedFile, CachedItem } from '../main/cache/types'
import type { LibraryRow, ReadSource, RefreshOutcome, ServiceStats } from '../shared/service-types'
import { formatBytes, formatDuration, formatPercent } from '../shared/format'
import { inlineText } from './terminal-text'

/**
 * Human-readable output. --json output never goes through here: scripts get the service's objects.
 * Text from the server goes through inlineText: one item or library must stay one line.
 */

export function librariesTable(rows: readonly LibraryRow[], now: number): string[] {
  if (rows.length === 0) return ['The Plex server has no libraries.']
  return table(
    ['KEY', 'TITLE', 'TYPE', 'STATE', 'ITEMS', 'SIZE', 'EXPIRES', 'HITS', 'MISSES'],
    rows.map((row) => [
      inlineText(row.key),
      inlineText(row.title),
      inlineText(row.type),
      row.progress ? `${row.state} ${row.progress.fetched}/${row.progress.total}` : stateText(row),
      row.itemCount === null ? '-' : String(row.itemCount),
      row.cached ? formatBytes(row.bytes) : '-',
      row.expiresAt === null ? '-' : timeLeft(row.expiresAt, now),
      String(row.hits),
      String(row.misses),
    ]),
  )
}

/** A library turned away by the size limit says so, with what it needs, instead of a bare "missing". */
function stateText(row: LibraryRow): string {
  if (!row.tooLarge || row.cached) return row.state
  return `too large (needs ${formatBytes(row.tooLarge.neededBytes)}, limit ${formatBytes(row.tooLarge.limitBytes)})`
}

export function timeLeft(expiresAt: number, now: number): string {
  const left = expiresAt - now
  return left > 0 ? `in ${formatDuration(left)}` : `${formatDuration(-left)} ago`
}

/** Columns padded to their widest cell; the last column is left ragged. */
export function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  )
  const line = (cells: string[]): string =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd()
  return [line(header), ...rows.map(line)]
}

/**
 * One line per item: what it is, its ratingKey, and its first original file (the thing people
 * match on; an optimized copy is shown only when the item has nothing else, and says so).
 */
export function itemLine(item: CachedItem, optimizedNote = 'optimized version'): string {
  const shown = item.files.find((candidate) => !candidate.optimized) ?? item.files[0]
  const files = item.files.length > 1 ? ` (+${item.files.length - 1} more files)` : ''
  const note = shown?.optimized ? ` (${optimizedNote})` : ''
  const file = shown ? `  ${inlineText(shown.path)}${note}${files}` : ''
  return `${itemName(item)} [${inlineText(item.type)} ${inlineText(item.ratingKey)}]${file}`
}

/** One file lookup answer; an optimized copy names the item it is a copy of, so no one takes it for the original. */
export function fileMatchLine(libraryTitle: string, item: CachedItem, file: CachedFile): string {
  const note = `optimized version of ${itemName(item)}, not the original`
  return `${inlineText(libraryTitle)}: ${itemLine({ ...item, files: [file] }, note)}`
}

export function itemName(item: CachedItem): string {
  const title = inlineText(item.title)
  const grandparent = item.grandparentTitle && inlineText(item.grandparentTitle)
  if (item.type === 'episode' && grandparent) {
    const code = `S${pad(item.parentIndex)}E${pad(item.index)}`
    return `${grandparent} ${code} ${title}`
  }
  if (item.type === 'track' && grandparent)
    return `${grandparent} - ${inlineText(item.parentTitle ?? '?')} - ${title}`
  return item.year ? `${title} (${item.year})` : title
}

function pad(index: number | undefined): string {
  return index === undefined ? '??' : String(index).padStart(2, '0')
}

const SOURCE_TEXT: Record<ReadSource, string> = {
  cache: 'from the cache',
  plex: 'fetched from Plex',
  stale: 'stale copy from the cache',
}

export function sourceText(source: ReadSource): string {
  return SOURCE_TEXT[source]
}

export function refreshLine(outcome: RefreshOutcome): string {
  const name = `${inlineText(outcome.title)} (${inlineText(outcome.key)})`
  if (outcome.outcome === 'failed') return `${name}: failed after ${outcome.ms} ms`
  if (outcome.outcome === 'cancelled') return `${name}: cancelled, kept the cached copy`
  const what = outcome.outcome === 'fetched' ? 'fetched' : 'unchanged on the server, kept the cached copy of'
  return `${name}: ${what} ${outcome.itemCount} items in ${outcome.ms} ms`
}

export function statsLines(stats: ServiceStats): string[] {
  const evictions = Object.entries(stats.evictions)
    .map(([reason, count]) => `${reason} ${count}`)
    .join(', ')
  const rows: Array<[string, string]> = [
    ['Hit rate', `${formatPercent(stats.hitRate)} (${stats.hits} hits, ${stats.misses} misses)`],
    ['Entries', entriesText(stats)],
    ['Size', `${formatBytes(stats.bytes)} of ${formatBytes(stats.sizeLimitBytes)}`],
    ['File on disk', formatBytes(stats.databaseFileBytes)],
    ['Plex requests', `${stats.plexRequests} made, ${stats.plexRequestsAvoided} avoided`],
    ['Revalidations', String(stats.revalidations)],
    ['Coalesced', String(stats.coalescedRequests)],
    [
      'Served from cache',
      `${formatBytes(stats.bytesServed)}, about ${formatDuration(stats.timeSavedMs)} saved`,
    ],
    ['Evictions', evictions],
    ['Inspection reads', `${stats.inspectionReads} (the window's own browsing, not counted as hits)`],
    ...consumerRows(stats),
  ]
  return rows.map(([label, value]) => `${label.padEnd(18)}${value}`)
}

function entriesText({ entries, entryStates }: ServiceStats): string {
  const states = `${entryStates.fresh} fresh, ${entryStates.stale} stale, ${entryStates.expired} expired`
  const ofThisServer = entryStates.fresh + entryStates.stale + entryStates.expired
  return `${entries} (${ofThisServer === entries ? states : `this server's: ${states}`})`
}

/** One row per consumer, the label only on the first, so the figures line up under it. */
function consumerRows(stats: ServiceStats): Array<[string, string]> {
  const consumers = Object.entries(stats.byConsumer)
  if (consumers.length === 0) return [['By consumer', 'no reads yet']]
  return consumers.map(([name, figures], index) => [
    index === 0 ? 'By consumer' : '',
    `${inlineText(name)}: ${figures.hits} hits, ${figures.misses} misses, ` +
      `${figures.plexRequestsAvoided} requests avoided, about ${formatDuration(figures.timeSavedMs)} saved`,
  ])
}
