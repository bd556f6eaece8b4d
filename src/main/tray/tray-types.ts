/** The tray's vocabulary. Pure types: no Electron, so the menu model is testable under plain Node. */
import type { ToolsProxyStatus } from '../../shared/contract'
import type { ConnectionStatus, LibraryRow } from '../../shared/service-types'

export interface TrayStats {
  hitRate: number
  /** Hits plus misses: a hit rate means nothing before the first lookup. */
  lookups: number
  bytes: number
  sizeLimitBytes: number
}

export interface TrayState {
  /** null until the service has answered once. */
  connection: ConnectionStatus | null
  libraries: LibraryRow[]
  stats: TrayStats | null
  /** A "Refresh all libraries" started from the tray is still running. */
  refreshingAll: boolean
  /** Whether the cache is served to other tools (Settings), so the menu can say where. */
  toolsProxy: ToolsProxyStatus
}

export type TrayAction =
  | { type: 'refresh-all' }
  | { type: 'refresh-library'; library: string }
  | { type: 'clear-cache' }
  | { type: 'open-window' }
  | { type: 'quit' }

/** A menu item as data; the Electron glue turns `action` into a click handler. */
export interface TrayMenuItem {
  label?: string
  type?: 'normal' | 'separator' | 'submenu'
  enabled?: boolean
  action?: TrayAction
  submenu?: TrayMenuItem[]
}

export const INITIAL_TRAY_STATE: TrayState = {
  connection: null,
  libraries: [],
  stats: null,
  refreshingAll: false,
  toolsProxy: { state: 'off' },
}
