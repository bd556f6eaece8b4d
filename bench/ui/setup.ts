import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { chromium, type Browser } from '@playwright/test'
import { startWebBridge, type WebBridge } from '../../src/web-bridge/start-web-bridge'
import { startFakeProcess, type FakeServerProcess } from '../client/processes'
import { assertBench } from '../stats'

const runFile = promisify(execFile)
const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url))

/** The same Chromium and flags as playwright.config.ts: no downloads, no background networking. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

export interface UiBenchSetup {
  bridge: WebBridge
  browser: Browser
  refreshMs: number
  close(): Promise<void>
}

/** Builds the renderer, so the bench always measures the code as it is now. */
export async function buildRenderer(): Promise<void> {
  const bin = join(PROJECT_ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js')
  await runFile(process.execPath, [bin, 'build'], { cwd: PROJECT_ROOT, maxBuffer: 16 * 1024 * 1024 })
}

/**
 * The fake Plex server with `items` movies in a child process, the real core behind the browser
 * bridge (connected, with Movies refreshed once through the service), and Chromium.
 */
export async function startUiBench(items: number): Promise<UiBenchSetup> {
  const dataDir = mkdtempSync(join(tmpdir(), 'plex-cache-ui-bench-'))
  let fake: FakeServerProcess | undefined
  let bridge: WebBridge | undefined
  try {
    fake = await startFakeProcess(items)
    bridge = await startWebBridge({ dataDir })
    const settings = await bridge.handlers.setSettings({
      serverUrl: fake.url,
      token: fake.token,
      sizeLimitBytes: 1024 ** 3,
      keepWarm: false,
    })
    assertBench(settings.ok, `connecting failed: ${settings.ok ? '' : settings.error.message}`)
    const started = performance.now()
    const refreshed = await bridge.handlers.refreshLibrary({ library: '1', force: true })
    const refreshMs = performance.now() - started
    assertBench(
      refreshed.ok && refreshed.value.itemCount === items,
      `refresh: ${refreshed.ok ? `${refreshed.value.itemCount} items` : refreshed.error.message}`,
    )
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    })
    const openBridge = bridge
    const openFake = fake
    return {
      bridge,
      browser,
      refreshMs,
      close: async () => {
        await browser.close()
        await openBridge.close()
        openFake.stop()
        rmSync(dataDir, { recursive: true, force: true })
      },
    }
  } catch (error) {
    await bridge?.close()
    fake?.stop()
    rmSync(dataDir, { recursive: true, force: true })
    throw error
  }
}
