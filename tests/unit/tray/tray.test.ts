import type { MenuItemConstructorOptions } from 'electron'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createTray, type TrayDeps } from '../../../src/main/tray'
import { TRAY_UPDATE_INTERVAL_MS } from '../../../src/main/tray/tray-state-source'
import type { ConnectionStatus, RefreshOutcome, ServiceStats } from '../../../src/shared/service-types'
import { dialogRecorder, FakeTray, resetTraysAndDialogs } from '../electron/electron-recorder'
import { FakeController } from './fake-controller'
import { movies, music, onlineConnection, shows } from './fixtures'

vi.mock('electron', async () => (await import('../electron/electron-recorder')).electronModule)

const stats = {
  hits: 186,
  misses: 14,
  hitRate: 0.93,
  bytes: 41 * 1024 * 1024,
  sizeLimitBytes: 500 * 1024 * 1024,
} as ServiceStats

const refreshedShows: RefreshOutcome = {
  key: '2',
  title: 'TV Shows',
  itemCount: 120,
  outcome: 'fetched',
  ms: 5,
}

function serviceAnswers() {
  return {
    connectionStatus: onlineConnection,
    listLibraries: [movies, shows, music],
    stats,
    refreshAll: [],
    refreshLibrary: refreshedShows,
    clear: null,
  }
}

function startTray(controller: FakeController, overrides: Partial<TrayDeps> = {}) {
  const window = { shown: 0, toggled: 0, quit: 0 }
  const handle = createTray({
    controller,
    showWindow: () => window.shown++,
    toggleWindow: () => window.toggled++,
    quit: () => window.quit++,
    iconPath: '/app/resources',
    platform: 'linux',
    ...overrides,
  })
  const tray = FakeTray.created.at(-1) as FakeTray
  return { handle, tray, window }
}

function item(menu: MenuItemConstructorOptions[], label: string | RegExp): MenuItemConstructorOptions {
  for (const entry of menu) {
    if (typeof label === 'string' ? entry.label === label : label.test(entry.label ?? '')) return entry
    if (Array.isArray(entry.submenu)) {
      try {
        return item(entry.submenu, label)
      } catch {
        // not in this submenu
      }
    }
  }
  throw new Error(`no menu item ${String(label)} in ${menu.map((entry) => entry.label).join(', ')}`)
}

function click(menu: MenuItemConstructorOptions[], label: string | RegExp): void {
  const entry = item(menu, label)
  if (!entry.click) throw new Error(`${String(label)} has no click handler`)
  // The tray's handlers take no arguments; Electron's signature is wider.
  ;(entry.click as () => void)()
}

const statusOf = (tray: FakeTray) => tray.lastMenu[0]?.label

beforeEach(() => resetTraysAndDialogs())
afterEach(() => vi.useRealTimers())

describe('createTray', () => {
  it('shows the icon, tooltip and a menu built from the service state', async () => {
    const controller = new FakeController(serviceAnswers())
    const { tray } = startTray(controller)

    expect(tray.image).toMatchObject({ path: '/app/resources/tray.png', template: false })
    expect(statusOf(tray)).toBe('Checking the connection…')
    await vi.waitFor(() => expect(statusOf(tray)).toBe('Connected to Living Room · hit rate 93.0% · 41 MB'))
    expect(tray.tooltips.at(-1)).toBe(
      'Plex Cache\nConnected to Living Room\nHit rate 93.0% · 41 MB of 500 MB',
    )
    expect(controller.calls.map((call) => call.operation).sort()).toEqual([
      'connectionStatus',
      'listLibraries',
      'stats',
      'toolsProxyStatus',
    ])
    expect(item(tray.lastMenu, 'Refresh').submenu).toHaveLength(3)
    expect(item(tray.lastMenu, 'Music — not cached').enabled).toBe(true)
  })

  it('uses the template icon on macOS and leaves the click to open the menu', () => {
    const { tray, window } = startTray(new FakeController(serviceAnswers()), { platform: 'darwin' })
    expect(tray.image).toMatchObject({ path: '/app/resources/trayTemplate.png', template: true })
    tray.emit('click')
    expect(window.toggled).toBe(0)
  })

  it('uses the multi-size .ico on Windows, where a PNG would be rescaled', () => {
    const { tray } = startTray(new FakeController(serviceAnswers()), { platform: 'win32' })
    expect(tray.image).toMatchObject({ path: '/app/resources/tray.ico', template: false })
  })

  it('toggles the window on a click elsewhere', () => {
    const { tray, window } = startTray(new FakeController(serviceAnswers()), { platform: 'win32' })
    tray.emit('click')
    tray.emit('click')
    expect(window.toggled).toBe(2)
  })

  it('"Refresh all libraries" runs refreshAll and shows it running until it ends', async () => {
    let finish: (value: RefreshOutcome[]) => void = () => undefined
    const controller = new FakeController({
      ...serviceAnswers(),
      refreshAll: () => new Promise((resolve) => (finish = resolve)),
    })
    const { tray } = startTray(controller)
    await vi.waitFor(() => expect(statusOf(tray)).toMatch(/^Connected/))

    click(tray.lastMenu, 'Refresh all libraries')
    expect(controller.callsOf('refreshAll')).toEqual([{}])
    expect(item(tray.lastMenu, 'Refreshing all libraries…').enabled).toBe(false)
    expect(item(tray.lastMenu, /^Movies/).enabled).toBe(false)

    finish([])
    await vi.waitFor(() => expect(item(tray.lastMenu, 'Refresh all libraries').enabled).toBe(true))
  })

  it('a library entry refreshes that library by key', async () => {
    const controller = new FakeController(serviceAnswers())
    const { tray } = startTray(controller)
    await vi.waitFor(() => expect(statusOf(tray)).toMatch(/^Connected/))
    click(tray.lastMenu, /^TV Shows/)
    expect(controller.callsOf('refreshLibrary')).toEqual([{ library: '2' }])
  })

  it('"Clear cache…" asks first, and clears only when confirmed', async () => {
    const controller = new FakeController(serviceAnswers())
    const { tray } = startTray(controller)
    await vi.waitFor(() => expect(statusOf(tray)).toMatch(/^Connected/))

    dialogRecorder.messageBoxResponse = 1
    click(tray.lastMenu, 'Clear cache…')
    await vi.waitFor(() => expect(dialogRecorder.messageBoxes).toHaveLength(1))
    const [question] = dialogRecorder.messageBoxes
    expect(question?.buttons).toEqual(['Clear cache', 'Cancel'])
    expect(question?.cancelId).toBe(1)
    expect(question?.defaultId).toBe(1)
    expect(question?.detail).toContain('2 libraries and their searches')
    expect(question?.detail).toContain('statistics are kept')
    await new Promise((resolve) => setImmediate(resolve))
    expect(controller.callsOf('clear')).toEqual([])

    dialogRecorder.messageBoxResponse = 0
    click(tray.lastMenu, 'Clear cache…')
    await vi.waitFor(() => expect(controller.callsOf('clear')).toEqual([{}]))
  })

  it('tells the user when clearing fails', async () => {
    const controller = new FakeController({
      ...serviceAnswers(),
      clear: new Error('The cache file is locked'),
    })
    const { tray } = startTray(controller)
    await vi.waitFor(() => expect(statusOf(tray)).toMatch(/^Connected/))
    click(tray.lastMenu, 'Clear cache…')
    await vi.waitFor(() =>
      expect(dialogRecorder.errorBoxes).toEqual([
        { title: 'Could not clear the cache', content: 'The cache file is locked' },
      ]),
    )
  })

  it('"Open Plex Cache" shows the window and "Quit" quits', async () => {
    const { tray, window } = startTray(new FakeController(serviceAnswers()))
    await vi.waitFor(() => expect(statusOf(tray)).toMatch(/^Connected/))
    click(tray.lastMenu, 'Open Plex Cache')
    click(tray.lastMenu, 'Quit')
    expect(window).toMatchObject({ shown: 1, quit: 1 })
  })

  it('re-reads the state when the service says something changed', async () => {
    const answers = serviceAnswers()
    const controller = new FakeController(answers)
    const { tray } = startTray(controller)
    await vi.waitFor(() => expect(statusOf(tray)).toMatch(/^Connected/))

    answers.listLibraries = [movies, shows, { ...music, state: 'fresh', cached: true, itemCount: 9_500 }]
    controller.emit({ event: 'changed', payload: { library: '3' } })
    await vi.waitFor(() => expect(item(tray.lastMenu, /^Music/).label).toBe('Music — fresh, 9,500 items'))
  })

  it('leaves the menu alone when a re-read shows nothing new', async () => {
    const controller = new FakeController(serviceAnswers())
    const { tray } = startTray(controller)
    await vi.waitFor(() => expect(statusOf(tray)).toMatch(/^Connected/))
    const menus = tray.menus.length
    const reads = controller.calls.length

    controller.emit({ event: 'stats', payload: {} })
    await vi.waitFor(() => expect(controller.calls.length).toBe(reads + 4))
    await new Promise((resolve) => setImmediate(resolve))
    expect(tray.menus.length).toBe(menus)
  })

  it('follows the connection, and keeps what it knew when a read fails', async () => {
    const answers = serviceAnswers()
    const controller = new FakeController(answers)
    const { tray } = startTray(controller)
    await vi.waitFor(() => expect(statusOf(tray)).toMatch(/^Connected/))

    const offline: ConnectionStatus = {
      state: 'offline',
      lastError: { code: 'UNREACHABLE', message: 'no answer' },
    }
    Object.assign(answers, { connectionStatus: offline, listLibraries: new Error('Plex is unreachable') })
    controller.emit({ event: 'connection', payload: offline })
    await vi.waitFor(() => expect(statusOf(tray)).toBe('Offline — serving cached data'))
    expect(item(tray.lastMenu, 'Refresh').submenu).toHaveLength(3)
  })

  it('shows the service as offline when it cannot be asked at all', async () => {
    const failure = new Error('The service is not running')
    const controller = new FakeController({
      connectionStatus: failure,
      listLibraries: failure,
      stats: failure,
    })
    const { tray } = startTray(controller)
    await vi.waitFor(() => expect(statusOf(tray)).toBe('Offline — nothing cached yet'))
    expect(tray.tooltips.at(-1)).toBe('Plex Cache\nOffline — nothing cached yet')
  })

  it('redraws for progress at most four times a second', async () => {
    const controller = new FakeController(serviceAnswers())
    const { tray } = startTray(controller)
    await vi.waitFor(() => expect(statusOf(tray)).toMatch(/^Connected/))
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    const before = tray.menus.length

    for (let fetched = 1; fetched <= 100; fetched++) {
      controller.emit({ event: 'progress', payload: { library: '1', fetched: fetched * 10, total: 2000 } })
    }
    expect(tray.menus.length - before).toBe(1)
    expect(item(tray.lastMenu, /^Movies/).label).toBe('Movies — refreshing 0%')

    vi.advanceTimersByTime(TRAY_UPDATE_INTERVAL_MS)
    expect(tray.menus.length - before).toBe(2)
    expect(item(tray.lastMenu, /^Movies/).label).toBe('Movies — refreshing 50%')
    expect(statusOf(tray)).toBe('Refreshing Movies 50%…')
    expect(controller.calls).toHaveLength(4)
  })

  it('says under the status line where the cache is served to other tools, and when that stops', async () => {
    const controller = new FakeController({
      ...serviceAnswers(),
      toolsProxyStatus: { state: 'serving', url: 'http://127.0.0.1:32499' },
    })
    const { tray } = startTray(controller)
    await vi.waitFor(() => expect(tray.lastMenu[1]?.label).toBe('Serving tools at http://127.0.0.1:32499'))
    expect(tray.lastMenu[1]?.enabled).toBe(false)

    controller.emit({ event: 'toolsProxy', payload: { state: 'failed', port: 32499, message: 'in use' } })
    expect(tray.lastMenu[1]?.label).toBe('Not serving tools: port 32499 could not be used')
    controller.emit({ event: 'toolsProxy', payload: { state: 'off' } })
    expect(tray.lastMenu[1]?.type).toBe('separator')
    expect(tray.lastMenu.some((entry) => /tools/.test(entry.label ?? ''))).toBe(false)
  })

  it('dispose destroys the icon and stops listening', async () => {
    const controller = new FakeController(serviceAnswers())
    const { tray, handle } = startTray(controller)
    await vi.waitFor(() => expect(statusOf(tray)).toMatch(/^Connected/))
    expect(controller.listenerCount).toBe(1)

    handle.dispose()
    expect(tray.destroyed).toBe(true)
    expect(controller.listenerCount).toBe(0)
    const menusAtDispose = tray.menus.length
    controller.emit({ event: 'changed', payload: {} })
    await new Promise((resolve) => setTimeout(resolve, TRAY_UPDATE_INTERVAL_MS + 50))
    expect(tray.menus.length).toBe(menusAtDispose)
  })
})
