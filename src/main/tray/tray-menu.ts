/**
 * The tray menu as a pure function of state, so every state can be tested without Electron.
 * tray.ts turns the result into an Electron menu.
 */
import {
  APP_NAME,
  clearConfirmation,
  connectionText,
  libraryLabel,
  statsText,
  statusLine,
  toolsProxyText,
} from './tray-wording'
import type { TrayMenuItem, TrayState } from './tray-types'

export type { TrayAction, TrayMenuItem, TrayState, TrayStats } from './tray-types'
export { INITIAL_TRAY_STATE } from './tray-types'
export { clearConfirmation }

// Windows cuts tray tooltips off at 127 characters.
const MAX_TOOLTIP_LENGTH = 127

const separator: TrayMenuItem = { type: 'separator' }

export function buildTrayMenu(state: TrayState): TrayMenuItem[] {
  return [
    { label: statusLine(state), enabled: false },
    ...toolsProxyLine(state),
    separator,
    refreshAllItem(state),
    refreshSubmenu(state),
    { label: 'Clear cache…', enabled: hasCachedData(state), action: { type: 'clear-cache' } },
    separator,
    // Always "Open", never "Show/Hide": the menu is a snapshot and would go stale when the
    // window is closed from its own title bar. Opening an open window brings it to the front.
    { label: `Open ${APP_NAME}`, action: { type: 'open-window' } },
    { label: 'Quit', action: { type: 'quit' } },
  ]
}

export function trayTooltip(state: TrayState): string {
  const lines = [APP_NAME, connectionText(state), statsText(state)].filter((line) => line !== null)
  const text = lines.join('\n')
  return text.length <= MAX_TOOLTIP_LENGTH ? text : `${text.slice(0, MAX_TOOLTIP_LENGTH - 1)}…`
}

// A refresh needs a server; offline is allowed, since trying again is how the user finds it is back.
function canRefresh(state: TrayState): boolean {
  const connection = state.connection?.state
  return (connection === 'online' || connection === 'offline') && !state.refreshingAll
}

function refreshAllItem(state: TrayState): TrayMenuItem {
  return {
    label: state.refreshingAll ? 'Refreshing all libraries…' : 'Refresh all libraries',
    enabled: canRefresh(state),
    action: { type: 'refresh-all' },
  }
}

function refreshSubmenu(state: TrayState): TrayMenuItem {
  const entries: TrayMenuItem[] = state.libraries.map((row) => ({
    label: libraryLabel(row),
    enabled: canRefresh(state) && row.state !== 'refreshing',
    action: { type: 'refresh-library', library: row.key },
  }))
  return {
    label: 'Refresh',
    type: 'submenu',
    enabled: entries.length > 0,
    // Some platforms draw an empty submenu as a broken arrow; a disabled line says why instead.
    submenu: entries.length > 0 ? entries : [{ label: 'No libraries yet', enabled: false }],
  }
}

/** A second status line while serving other tools (or failing to): nothing when that is off. */
function toolsProxyLine(state: TrayState): TrayMenuItem[] {
  const text = toolsProxyText(state.toolsProxy)
  return text === null ? [] : [{ label: text, enabled: false }]
}

// Cached data can outlive the server setting, so this does not depend on the connection.
function hasCachedData(state: TrayState): boolean {
  return state.libraries.some((row) => row.cached) || (state.stats?.bytes ?? 0) > 0
}
