/** What the tray says, in one place so the status line, tooltip and dialog agree. Pure. */
import { formatBytes, formatPercent } from '../../shared/format'
import type { LibraryRow } from '../../shared/service-types'
import type { TrayState } from './tray-types'

export const APP_NAME = 'Plex Cache'

// Long server or library names would stretch the menu across the screen.
const MAX_NAME_LENGTH = 40

const countFormat = new Intl.NumberFormat('en-US')

export function shorten(name: string, max = MAX_NAME_LENGTH): string {
  return name.length <= max ? name : `${name.slice(0, max - 1).trimEnd()}…`
}

export function itemCount(count: number): string {
  return `${countFormat.format(count)} ${count === 1 ? 'item' : 'items'}`
}

export function libraryCount(count: number): string {
  return `${count} ${count === 1 ? 'library' : 'libraries'}`
}

/** Whole percent, rounded down so a fetch never reads 100% before it has finished. */
export function progressPercent(row: LibraryRow): string | null {
  const progress = row.progress
  if (!progress || progress.total <= 0) return null
  return `${Math.min(99, Math.floor((progress.fetched / progress.total) * 100))}%`
}

/** "Movies — fresh, 2,000 items", "TV Shows — refreshing 40%", "Music — not cached". */
export function libraryLabel(row: LibraryRow): string {
  return `${shorten(row.title)} — ${libraryStateText(row)}`
}

function libraryStateText(row: LibraryRow): string {
  const count = row.itemCount === null ? '' : `, ${itemCount(row.itemCount)}`
  switch (row.state) {
    case 'refreshing': {
      const percent = progressPercent(row)
      return percent ? `refreshing ${percent}` : 'refreshing…'
    }
    case 'missing':
      return 'not cached'
    case 'fresh':
      return `fresh${count}`
    case 'expired':
      return `expired${count}`
    case 'stale':
      // Past its TTL and Plex is out of reach: still served, which is the point of the cache.
      return `offline copy${count}`
  }
}

/** The connection alone, as the tooltip's headline. */
export function connectionText(state: TrayState): string {
  const { connection } = state
  if (connection === null) return 'Checking the connection…'
  switch (connection.state) {
    case 'unconfigured':
      return 'No server set up'
    case 'online':
      return connection.server ? `Connected to ${shorten(connection.server.friendlyName)}` : 'Connected'
    case 'offline':
      return offlineText(state)
  }
}

/** The window's header words, in the tray: a 503 or a refused certificate is not "offline". */
const PROBLEM_WORDS = {
  unreachable: 'Offline',
  'token-rejected': 'Plex refused the token',
  certificate: 'Certificate refused',
  maintenance: 'Plex in maintenance (503)',
} as const

function offlineText({ connection, libraries }: TrayState): string {
  // A status from before problems were told apart carries only the error code.
  const problem =
    connection?.problem ?? (connection?.lastError?.code === 'AUTH' ? 'token-rejected' : 'unreachable')
  const reason = PROBLEM_WORDS[problem]
  return libraries.some((row) => row.cached)
    ? `${reason} — serving cached data`
    : `${reason} — nothing cached yet`
}

/** The first, disabled line of the menu: the one thing most worth knowing right now. */
export function statusLine(state: TrayState): string {
  const { connection } = state
  if (connection === null || connection.state !== 'online') return connectionText(state)
  const refreshing = refreshingText(state)
  if (refreshing) return refreshing
  const parts = [connectionText(state)]
  if (state.stats) {
    if (state.stats.lookups > 0) parts.push(`hit rate ${formatPercent(state.stats.hitRate)}`)
    parts.push(formatBytes(state.stats.bytes))
  }
  return parts.join(' · ')
}

function refreshingText({ libraries, refreshingAll }: TrayState): string | null {
  const current = libraries.find((row) => row.state === 'refreshing')
  const percent = current ? progressPercent(current) : null
  const detail = current ? ` ${shorten(current.title)}${percent ? ` ${percent}` : ''}` : ''
  if (refreshingAll) return `Refreshing all libraries…${detail}`
  return current ? `Refreshing${detail}…` : null
}

/** The cache's health in one line, for the tooltip. */
export function statsText(state: TrayState): string | null {
  const { stats } = state
  if (!stats) return null
  const hitRate = stats.lookups > 0 ? `Hit rate ${formatPercent(stats.hitRate)}` : 'No lookups yet'
  return `${hitRate} · ${formatBytes(stats.bytes)} of ${formatBytes(stats.sizeLimitBytes)}`
}

/** The confirmation shown before "Clear cache…" removes anything. */
export function clearConfirmation(state: TrayState): { message: string; detail: string } {
  const cached = state.libraries.filter((row) => row.cached).length
  const size = state.stats && state.stats.bytes > 0 ? ` (${formatBytes(state.stats.bytes)})` : ''
  const removed =
    cached > 0
      ? `the cached copies of ${libraryCount(cached)} and their searches${size}`
      : `every cached search${size}`
  return {
    message: 'Clear the cache?',
    detail:
      `This removes ${removed}. Hit and miss statistics are kept. ` +
      `${APP_NAME} fetches from your Plex server again when the data is next needed.`,
  }
}

/** "Serving tools at http://127.0.0.1:32499", or why not; null while serving is off. */
export function toolsProxyText(status: TrayState['toolsProxy']): string | null {
  switch (status.state) {
    case 'off':
      return null
    case 'starting':
      return `Starting to serve tools on port ${status.port}…`
    case 'serving':
      return `Serving tools at ${status.url}`
    case 'failed':
      return `Not serving tools: port ${status.port} could not be used`
  }
}
