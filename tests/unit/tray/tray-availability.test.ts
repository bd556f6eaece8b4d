import { describe, expect, it } from 'vitest'
import { isTrayShown, trayShownOn } from '../../../src/main/tray/tray-availability'
import { busClientsPath } from './stand-in-bus-clients'

describe('trayShownOn', () => {
  it('counts macOS and Windows as always showing the tray, whatever the bus says', () => {
    for (const platform of ['darwin', 'win32'] as const) {
      for (const watcher of [true, false, undefined]) expect(trayShownOn(platform, watcher)).toBe(true)
    }
  })

  it('shows it on Linux and the BSDs only when a StatusNotifier watcher has an owner', () => {
    for (const platform of ['linux', 'freebsd', 'openbsd'] as const) {
      expect(trayShownOn(platform, true)).toBe(true)
      expect(trayShownOn(platform, false)).toBe(false)
      // The bus could not be asked: quitting on close is the safe mistake.
      expect(trayShownOn(platform, undefined)).toBe(false)
    }
  })
})

describe('isTrayShown', () => {
  it('asks no bus on macOS or Windows', async () => {
    const probe = { env: { PATH: busClientsPath({ 'dbus-send': { hang: true } }) }, timeoutMs: 60_000 }
    const started = Date.now()
    await expect(isTrayShown('darwin', probe)).resolves.toBe(true)
    await expect(isTrayShown('win32', probe)).resolves.toBe(true)
    expect(Date.now() - started).toBeLessThan(1000)
  })

  it('follows the bus on Linux', async () => {
    const shown = { env: { PATH: busClientsPath({ 'dbus-send': { reply: true } }) } }
    const hidden = { env: { PATH: busClientsPath({ 'dbus-send': { reply: false } }) } }
    const noClient = { env: { PATH: busClientsPath({}) } }
    await expect(isTrayShown('linux', shown)).resolves.toBe(true)
    await expect(isTrayShown('linux', hidden)).resolves.toBe(false)
    await expect(isTrayShown('linux', noClient)).resolves.toBe(false)
  })
})
