import { afterEach, describe, expect, it, vi } from 'vitest'
import { startBackgroundNotifications } from '../../../src/main/background-notifications'
import { fakePlex } from '../../support/fake-plex'
import { openController } from '../app/support'
import { FakeNotification } from './electron-recorder'

vi.mock('electron', async () => (await import('./electron-recorder')).electronModule)

afterEach(() => {
  FakeNotification.shown.length = 0
  FakeNotification.supported = true
})

const titles = () => FakeNotification.shown.map((notification) => notification.options.title)

/** The real controller on a fake Plex server, with every library cached, and the glue started. */
async function hiddenApp() {
  const plex = await fakePlex()
  const { controller } = await openController()
  await controller.run('setSettings', { serverUrl: plex.url, token: plex.token, keepWarm: false })
  await controller.run('refreshAll', {})
  const window = { visible: false, shown: 0 }
  const stop = startBackgroundNotifications({
    controller,
    isWindowVisible: () => window.visible,
    showWindow: () => window.shown++,
  })
  // Refreshes the window did not ask for: the tray's, keep-warm's, a scheduled revalidation's.
  const backgroundRefresh = () => controller.run('refreshAll', {})
  return { plex, controller, window, stop, backgroundRefresh }
}

describe('Electron: system notifications for background failures while the window is hidden', () => {
  it('tells a change of state once, not each failure, and when Plex answers again', async () => {
    const { plex, window, stop, backgroundRefresh } = await hiddenApp()
    plex.controls.setMaintenance(true)
    for (let i = 0; i < 3; i++) await backgroundRefresh()
    expect(titles()).toEqual(['Plex is in maintenance (503)'])
    expect(FakeNotification.shown[0]!.options.body).toContain('Cached data is still served')
    expect(JSON.stringify(FakeNotification.shown[0]!.options)).not.toContain(plex.token)

    // A click brings the window forward, where the banner offers the fix.
    FakeNotification.shown[0]!.click()
    expect(window.shown).toBe(1)

    plex.controls.setMaintenance(false)
    await backgroundRefresh()
    await backgroundRefresh()
    expect(titles()).toEqual(['Plex is in maintenance (503)', 'Plex answers again'])
    stop()
  })

  it('stays quiet while the window shows the banner, and when the setting is off', async () => {
    const { plex, controller, window, stop, backgroundRefresh } = await hiddenApp()
    window.visible = true
    plex.controls.setMaintenance(true)
    await backgroundRefresh()
    plex.controls.setMaintenance(false)
    await backgroundRefresh()
    expect(titles()).toEqual([])

    window.visible = false
    await controller.run('setSettings', { notifyWhenHidden: false })
    plex.controls.setDropConnections(true)
    await backgroundRefresh()
    expect(titles()).toEqual([])
    stop()
  })

  it('shows nothing where the desktop has no notification server', async () => {
    FakeNotification.supported = false
    const { plex, stop, backgroundRefresh } = await hiddenApp()
    plex.controls.setMaintenance(true)
    await backgroundRefresh()
    expect(titles()).toEqual([])
    stop()
  })
})
