import type { RecentRead } from '../shared/recent-reads'
import { inlineText } from './terminal-text'

/** How many of the kept reads `stats` prints; --json gives them all. */
const SHOWN = 10

/**
 * The newest reads made for consumers, one line each ("what did my script just fetch?"):
 * time, consumer, what was read and how it was answered.
 */
export function recentReadsLines(reads: readonly RecentRead[]): string[] {
  if (reads.length === 0) return []
  const shown = reads.slice(0, SHOWN).map((read) => `  ${readLine(read)}`)
  const more = reads.length > SHOWN ? [`  … ${reads.length - SHOWN} older (stats --json lists them all)`] : []
  return ['Recent reads (newest first)', ...shown, ...more]
}

function readLine(read: RecentRead): string {
  const time = new Date(read.at).toLocaleTimeString()
  const items = read.items === null ? '' : `, ${read.items} item${read.items === 1 ? '' : 's'}`
  return `${time}  ${inlineText(read.consumer)}  ${inlineText(whatWasRead(read))}  ${read.outcome}${items}`
}

function whatWasRead(read: RecentRead): string {
  const library = read.libraryTitle ?? read.library ?? ''
  switch (read.kind) {
    case 'library':
      return read.query === '' ? library : `${library} filtered by "${read.query}"`
    case 'search':
      return `search "${read.query}" in ${library}`
    case 'find':
      return `find "${read.query}"`
    case 'plex':
      return read.query
  }
}
