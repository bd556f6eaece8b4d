import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { tempDir } from '../../support/temp-dir'
import { bootMain, invokeFrom } from './boot-main'
import { appRecorder, protocolRecorder } from './electron-recorder'

vi.mock('electron', async () => (await import('./electron-recorder')).electronModule)

afterAll(() => {
  delete process.env.PLEX_CACHE_DATA_DIR
})

const INDEX_HTML =
  '<!doctype html><title>Plex Cache</title><script type="module" src="./assets/app.js"></script>'

/** An installed app whose folder name holds the characters file URLs escape inconsistently. */
function installAt(folderName: string): string {
  const appRoot = path.join(tempDir('plex-cache-install-'), folderName)
  fs.mkdirSync(path.join(appRoot, 'out', 'renderer', 'assets'), { recursive: true })
  fs.writeFileSync(path.join(appRoot, 'out', 'renderer', 'index.html'), INDEX_HTML)
  fs.writeFileSync(path.join(appRoot, 'out', 'renderer', 'assets', 'app.js'), 'console.log(1)')
  return appRoot
}

describe('the renderer over app://plex-cache, from an install path holding %, [ and ]', () => {
  it('serves the page, answers it over IPC, and refuses file: and foreign pages', async () => {
    const appRoot = installAt('Plex Cache [beta] 100% %41')
    const window = await bootMain(tempDir('plex-cache-main-'), appRoot)
    const { webContents } = window

    // Privileged before ready with no more than it needs, and handled once ready.
    expect(protocolRecorder.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ])
    expect(protocolRecorder.isProtocolHandled('app')).toBe(true)
    expect(window.loadedUrl).toBe('app://plex-cache/index.html')

    const page = await protocolRecorder.request('app://plex-cache/index.html')
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(await page.text()).toBe(INDEX_HTML)
    const script = await protocolRecorder.request('app://plex-cache/assets/app.js')
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect((await protocolRecorder.request('app://plex-cache/../out/renderer/index.html')).status).toBe(404)

    await expect(invokeFrom(window, 'getSettings')).resolves.toMatchObject({ ok: true })

    // What the same page looked like before app://, as Node and as Chromium would escape it.
    const nodeFileUrl = pathToFileURL(path.join(appRoot, 'out', 'renderer', 'index.html')).href
    const chromiumFileUrl = nodeFileUrl.replaceAll('%5B', '[').replaceAll('%5D', ']')
    for (const url of [nodeFileUrl, chromiumFileUrl, 'https://evil.example/', 'app://evil/index.html']) {
      webContents.mainFrame.url = url
      await expect(invokeFrom(window, 'getSettings'), url).resolves.toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      })
    }
    webContents.finishLoading('app://plex-cache/index.html')
    await expect(invokeFrom(window, 'getSettings')).resolves.toMatchObject({ ok: true })

    // A crashed renderer: the window shows the error page, which cannot use the bridge.
    window.hide()
    webContents.renderProcessGone('crashed', 139)
    expect(window.visible).toBe(true)
    const errorPage = window.loadedUrl ?? ''
    expect(errorPage.startsWith('data:text/html')).toBe(true)
    webContents.finishLoading(errorPage)
    await expect(invokeFrom(window, 'listLibraries')).resolves.toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    // Retrying loads our page again, which may use it.
    expect(webContents.pressKey('r', { control: true })).toBe(true)
    expect(window.loadedUrl).toBe('app://plex-cache/index.html')
    webContents.finishLoading('app://plex-cache/index.html')
    await expect(invokeFrom(window, 'getSettings')).resolves.toMatchObject({ ok: true })

    // Quit, and wait until the cache is closed (main quits again once it is).
    appRecorder.quit()
    const deadline = Date.now() + 10_000
    while (appRecorder.quitCalls < 2 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 10))
    expect(appRecorder.quitCalls).toBe(2)
    expect(appRecorder.exitCode).toBeNull()
  })
})
