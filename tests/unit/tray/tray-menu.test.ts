import { describe, expect, it } from 'vitest'
import {
  buildTrayMenu,
  clearConfirmation,
  INITIAL_TRAY_STATE,
  trayTooltip,
  type TrayState,
} from '../../../src/main/tray/tray-menu'
import { findItem, library, movies, music, onlineState, shows } from './fixtures'

const noServer: TrayState = { ...INITIAL_TRAY_STATE, connection: { state: 'unconfigured' }, stats: null }
const offline: TrayState = {
  ...onlineState,
  connection: { state: 'offline', lastError: { code: 'UNREACHABLE', message: 'Plex did not answer' } },
  libraries: [{ ...movies, state: 'stale' }, { ...shows, state: 'stale' }, music],
}

function labels(state: TrayState): Array<string | undefined> {
  return buildTrayMenu(state).map((item) => item.label ?? item.type)
}

describe('tray menu', () => {
  it('has a status line, the refresh items, clear, open and quit, in that order', () => {
    expect(labels(onlineState)).toEqual([
      'Connected to Living Room · hit rate 93.0% · 41 MB',
      'separator',
      'Refresh all libraries',
      'Refresh',
      'Clear cache…',
      'separator',
      'Open Plex Cache',
      'Quit',
    ])
    const [status] = buildTrayMenu(onlineState)
    expect(status?.enabled).toBe(false)
    expect(status?.action).toBeUndefined()
  })

  it('lists three libraries in different states, each refreshing its own key', () => {
    const menu = buildTrayMenu(onlineState)
    const refresh = findItem(menu, 'Refresh')
    expect(refresh?.enabled).toBe(true)
    expect(refresh?.submenu).toEqual([
      {
        label: 'Movies — fresh, 2,000 items',
        enabled: true,
        action: { type: 'refresh-library', library: '1' },
      },
      {
        label: 'TV Shows — expired, 120 items',
        enabled: true,
        action: { type: 'refresh-library', library: '2' },
      },
      { label: 'Music — not cached', enabled: true, action: { type: 'refresh-library', library: '3' } },
    ])
    expect(findItem(menu, 'Refresh all libraries')).toMatchObject({
      enabled: true,
      action: { type: 'refresh-all' },
    })
    expect(findItem(menu, 'Clear cache…')).toMatchObject({ enabled: true, action: { type: 'clear-cache' } })
    expect(findItem(menu, 'Open Plex Cache')?.action).toEqual({ type: 'open-window' })
    expect(findItem(menu, 'Quit')?.action).toEqual({ type: 'quit' })
  })

  it('with no server, says so and offers nothing to refresh', () => {
    const menu = buildTrayMenu(noServer)
    expect(menu[0]?.label).toBe('No server set up')
    expect(findItem(menu, 'Refresh all libraries')?.enabled).toBe(false)
    const refresh = findItem(menu, 'Refresh')
    expect(refresh?.enabled).toBe(false)
    expect(refresh?.submenu).toEqual([{ label: 'No libraries yet', enabled: false }])
    expect(findItem(menu, 'Clear cache…')?.enabled).toBe(false)
    expect(findItem(menu, 'Open Plex Cache')?.enabled).toBeUndefined()
  })

  it('before the first answer, says it is checking', () => {
    expect(buildTrayMenu(INITIAL_TRAY_STATE)[0]?.label).toBe('Checking the connection…')
    expect(findItem(buildTrayMenu(INITIAL_TRAY_STATE), 'Refresh all libraries')?.enabled).toBe(false)
  })

  it('offline, serves cached data and still lets the user try a refresh', () => {
    const menu = buildTrayMenu(offline)
    expect(menu[0]?.label).toBe('Offline — serving cached data')
    expect(findItem(menu, 'Refresh all libraries')?.enabled).toBe(true)
    expect(findItem(menu, 'Refresh')?.submenu?.map((item) => item.label)).toEqual([
      'Movies — offline copy, 2,000 items',
      'TV Shows — offline copy, 120 items',
      'Music — not cached',
    ])
    expect(findItem(menu, 'Clear cache…')?.enabled).toBe(true)
  })

  it('offline with nothing cached, or with a refused token, says that instead', () => {
    const empty: TrayState = { ...offline, libraries: [music], stats: null }
    expect(buildTrayMenu(empty)[0]?.label).toBe('Offline — nothing cached yet')
    expect(findItem(buildTrayMenu(empty), 'Clear cache…')?.enabled).toBe(false)
    const refused: TrayState = {
      ...offline,
      connection: { state: 'offline', lastError: { code: 'AUTH', message: 'Unauthorized' } },
    }
    expect(buildTrayMenu(refused)[0]?.label).toBe('Plex refused the token — serving cached data')
    const maintenance: TrayState = {
      ...offline,
      connection: {
        state: 'offline',
        problem: 'maintenance',
        lastError: { code: 'UNREACHABLE', status: 503, message: 'Unavailable (503)' },
      },
    }
    expect(buildTrayMenu(maintenance)[0]?.label).toBe('Plex in maintenance (503) — serving cached data')
  })

  it('while one library refreshes, shows its progress and disables only that entry', () => {
    const refreshing: TrayState = {
      ...onlineState,
      libraries: [movies, { ...shows, state: 'refreshing', progress: { fetched: 48, total: 120 } }, music],
    }
    const menu = buildTrayMenu(refreshing)
    expect(menu[0]?.label).toBe('Refreshing TV Shows 40%…')
    expect(findItem(menu, 'Refresh all libraries')?.enabled).toBe(true)
    const entries = findItem(menu, 'Refresh')?.submenu ?? []
    expect(entries.map((item) => [item.label, item.enabled])).toEqual([
      ['Movies — fresh, 2,000 items', true],
      ['TV Shows — refreshing 40%', false],
      ['Music — not cached', true],
    ])
  })

  it('while a refresh of all runs, disables every refresh and names the library being fetched', () => {
    const refreshingAll: TrayState = {
      ...onlineState,
      refreshingAll: true,
      libraries: [movies, { ...shows, state: 'refreshing', progress: { fetched: 119, total: 120 } }, music],
    }
    const menu = buildTrayMenu(refreshingAll)
    expect(menu[0]?.label).toBe('Refreshing all libraries… TV Shows 99%')
    expect(findItem(menu, 'Refreshing all libraries…')).toMatchObject({ enabled: false })
    expect(findItem(menu, 'Refresh')?.submenu?.every((item) => item.enabled === false)).toBe(true)
    // Before the first progress report there is no percentage to show.
    const starting = buildTrayMenu({ ...refreshingAll, libraries: [{ ...movies, state: 'refreshing' }] })
    expect(starting[0]?.label).toBe('Refreshing all libraries… Movies')
    expect(findItem(starting, /^Movies/)?.label).toBe('Movies — refreshing…')
  })

  it('shortens long names and counts a single item', () => {
    const long = library({ key: '9', title: 'A'.repeat(60), itemCount: 1 })
    const [entry] = findItem(buildTrayMenu({ ...onlineState, libraries: [long] }), 'Refresh')?.submenu ?? []
    expect(entry?.label).toBe(`${'A'.repeat(39)}… — fresh, 1 item`)
  })

  it('leaves out the hit rate until something has been looked up', () => {
    const fresh: TrayState = {
      ...onlineState,
      stats: { hitRate: 0, lookups: 0, bytes: 0, sizeLimitBytes: 500 << 20 },
    }
    expect(buildTrayMenu(fresh)[0]?.label).toBe('Connected to Living Room · 0 B')
  })
})

describe('tray tooltip', () => {
  it('gives the connection, hit rate and cache size of its limit', () => {
    expect(trayTooltip(onlineState)).toBe(
      'Plex Cache\nConnected to Living Room\nHit rate 93.0% · 41 MB of 500 MB',
    )
    expect(trayTooltip(offline)).toBe(
      'Plex Cache\nOffline — serving cached data\nHit rate 93.0% · 41 MB of 500 MB',
    )
    expect(trayTooltip(noServer)).toBe('Plex Cache\nNo server set up')
  })

  it('stays within the 127 characters Windows shows', () => {
    const long: TrayState = {
      ...onlineState,
      connection: {
        state: 'online',
        server: { friendlyName: 'N'.repeat(300), version: '1', machineIdentifier: 'x' },
      },
    }
    expect(trayTooltip(long).length).toBeLessThanOrEqual(127)
  })
})

describe('clear cache confirmation', () => {
  it('says how many libraries go, that their searches go too, and that statistics stay', () => {
    const { message, detail } = clearConfirmation(onlineState)
    expect(message).toBe('Clear the cache?')
    expect(detail).toContain('the cached copies of 2 libraries and their searches (41 MB)')
    expect(detail).toContain('statistics are kept')
  })

  it('speaks of searches alone when no library is cached', () => {
    expect(clearConfirmation({ ...noServer, stats: null }).detail).toContain(
      'This removes every cached search.',
    )
  })
})
