import { afterAll, describe, expect, it, vi } from 'vitest'
import builderConfig from '../../../electron-builder'
import { WINDOWS_APP_USER_MODEL_ID } from '../../../src/main/windows-app-id'
import { tempDir } from '../../support/temp-dir'
import { bootMain } from './boot-main'
import { appRecorder } from './electron-recorder'

vi.mock('electron', async () => (await import('./electron-recorder')).electronModule)

const realPlatform = Object.getOwnPropertyDescriptor(process, 'platform')!
afterAll(() => {
  Object.defineProperty(process, 'platform', realPlatform)
  delete process.env.PLEX_CACHE_DATA_DIR
})

describe('the Windows AppUserModelID', () => {
  it("equals the installer's appId (electron-builder.ts)", () => {
    expect(WINDOWS_APP_USER_MODEL_ID).toBe(builderConfig.appId)
  })

  it('is set on win32 before Electron is ready', async () => {
    // Windows only while main's top level runs: the rest of start-up would look for Windows paths.
    Object.defineProperty(process, 'platform', { ...realPlatform, value: 'win32' })
    let setBeforeReady: string | null = null
    const whenReady = appRecorder.whenReady.bind(appRecorder)
    appRecorder.whenReady = () => {
      setBeforeReady = appRecorder.appUserModelId
      Object.defineProperty(process, 'platform', realPlatform)
      return whenReady()
    }
    await bootMain(tempDir('plex-cache-main-'))
    expect(setBeforeReady).toBe('app.plexcache.desktop')

    appRecorder.quit()
    const deadline = Date.now() + 10_000
    while (appRecorder.quitCalls < 2 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 10))
    expect(appRecorder.quitCalls).toBe(2)
  })
})
