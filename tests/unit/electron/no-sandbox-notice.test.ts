import { afterAll, describe, expect, it, vi } from 'vitest'
import { EVENT_CHANNEL } from '../../../src/shared/contract'
import { tempDir } from '../../support/temp-dir'
import { bootMain } from './boot-main'
import { appRecorder } from './electron-recorder'

vi.mock('electron', async () => (await import('./electron-recorder')).electronModule)

afterAll(() => {
  delete process.env.PLEX_CACHE_DATA_DIR
})

describe('started with --no-sandbox (as an AppImage on a system that blocks user namespaces)', () => {
  it('tells the window that it runs without the sandbox and where to read about it', async () => {
    appRecorder.commandLine.switches.add('no-sandbox')
    const window = await bootMain(tempDir('plex-cache-main-'))
    const deadline = Date.now() + 5_000
    const notices = () =>
      window.webContents.sent
        .filter((sent) => sent.channel === EVENT_CHANNEL)
        .map((sent) => sent.message as { event: string; payload: { level: string; message: string } })
        .filter((message) => message.event === 'notice')
    while (notices().length === 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 10))
    expect(notices()).toContainEqual({
      event: 'notice',
      payload: { level: 'warning', message: expect.stringContaining('--no-sandbox') },
    })
    appRecorder.quit()
  })
})
