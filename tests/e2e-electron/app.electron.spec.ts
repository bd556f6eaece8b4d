import fs from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'

const projectRoot = path.resolve(import.meta.dirname, '../..')

/**
 * The path `require('electron')` would give, worked out the same way but without running the
 * package: since Electron 4x its index.js starts a download when the binary is missing, and this
 * check must never download anything.
 */
function electronBinary(): string | null {
  let packageDir: string
  try {
    packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'))
  } catch {
    return null
  }
  const pathFile = path.join(packageDir, 'path.txt')
  if (!fs.existsSync(pathFile)) return null
  const relative = fs.readFileSync(pathFile, 'utf8')
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(packageDir, 'dist')
  const binary = path.join(distDir, relative)
  return fs.existsSync(binary) ? binary : null
}

const binary = electronBinary()

test.skip(
  binary === null,
  'The Electron binary is not installed here (ELECTRON_SKIP_BINARY_DOWNLOAD=1 or no access to its download); ' +
    'this spec runs only where `require("electron")` points at a real binary. The browser bridge specs in tests/e2e cover the UI.',
)

test('launches, becomes ready and shows the demo server’s libraries', async () => {
  test.skip(!fs.existsSync(path.join(projectRoot, 'out', 'main', 'index.js')), 'Run `npm run build` first.')
  // A fresh data folder per run, so no earlier settings or cache change what the app shows.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plex-cache-electron-'))
  const app = await electron.launch({
    executablePath: binary!,
    args: [projectRoot],
    cwd: projectRoot,
    env: { ...process.env, PLEX_CACHE_DATA_DIR: dataDir, ELECTRON_RENDERER_URL: '' },
  })
  try {
    const window = await app.firstWindow()
    await expect(window.getByTestId('app-ready')).toBeVisible()
    await window.getByTestId('use-demo').click()
    await expect(window.getByTestId('libraries-ready')).toBeVisible()
    await expect(window.getByTestId('library-title')).toHaveText(['Movies', 'TV Shows', 'Music', 'Photos'])

    // The renderer sees the bridge and nothing of Node or Electron.
    const exposed = await window.evaluate(() => ({
      bridge: Object.keys((window as unknown as { plexCache: object }).plexCache).sort(),
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
    }))
    expect(exposed.bridge).toContain('on')
    expect(exposed.require).toBe('undefined')
    expect(exposed.process).toBe('undefined')
  } finally {
    await app.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
})
