/** Library rows and states for the tray tests. */
import type { ConnectionStatus, LibraryRow } from '../../../src/shared/service-types'
import { INITIAL_TRAY_STATE, type TrayMenuItem, type TrayState } from '../../../src/main/tray/tray-menu'

const MB = 1024 * 1024

export function library(overrides: Partial<LibraryRow> & Pick<LibraryRow, 'key' | 'title'>): LibraryRow {
  return {
    type: 'movie',
    state: 'fresh',
    cached: true,
    itemCount: 2000,
    bytes: 4 * MB,
    fetchedAt: 1_000,
    expiresAt: 2_000,
    hits: 0,
    misses: 0,
    ...overrides,
  }
}

export const movies = library({ key: '1', title: 'Movies' })
export const shows = library({ key: '2', title: 'TV Shows', type: 'show', state: 'expired', itemCount: 120 })
export const music = library({
  key: '3',
  title: 'Music',
  type: 'artist',
  state: 'missing',
  cached: false,
  itemCount: null,
  bytes: 0,
  fetchedAt: null,
  expiresAt: null,
})

export const onlineConnection: ConnectionStatus = {
  state: 'online',
  server: { friendlyName: 'Living Room', version: '1.41.0', machineIdentifier: 'abc' },
}

export const onlineState: TrayState = {
  ...INITIAL_TRAY_STATE,
  connection: onlineConnection,
  libraries: [movies, shows, music],
  stats: { hitRate: 0.93, lookups: 200, bytes: 41 * MB, sizeLimitBytes: 500 * MB },
}

/** The menu item with this label, searched through submenus too. */
export function findItem(items: TrayMenuItem[], label: string | RegExp): TrayMenuItem | undefined {
  for (const item of items) {
    const matches = typeof label === 'string' ? item.label === label : label.test(item.label ?? '')
    if (matches) return item
    const inSubmenu = item.submenu ? findItem(item.submenu, label) : undefined
    if (inSubmenu) return inSubmenu
  }
  return undefined
}
