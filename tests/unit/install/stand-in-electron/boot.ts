/**
 * The stand-in Electron's main: boots the built app (package.json "main" in the folder named by the
 * first argument, as Electron does) against the recording `electron` module, lets it become ready,
 * and writes what the app did to $PLEX_CACHE_STAND_IN_REPORT: the window it made, with which
 * preload, which page it loaded and what our app:// protocol serves for that page.
 */
import fs from 'node:fs'
import { register } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import {
  FakeBrowserWindow,
  appRecorder,
  electronModule,
  protocolRecorder,
} from '../../electron/electron-recorder'

const reportFile = process.env.PLEX_CACHE_STAND_IN_REPORT
if (!reportFile) throw new Error('the stand-in Electron needs PLEX_CACHE_STAND_IN_REPORT')

const appDir = path.resolve(process.argv[2] ?? '.')
const { main } = JSON.parse(fs.readFileSync(path.join(appDir, 'package.json'), 'utf8')) as { main: string }

// The recording module is handed to the app through a generated ES module with one named export
// per Electron API, so `import { app, BrowserWindow } from 'electron'` links as it does in Electron.
const STAND_IN = Symbol.for('plex-cache.electron-stand-in')
Object.assign(globalThis, { [STAND_IN]: electronModule })
const shimFile = path.join(
  fs.mkdtempSync(path.join(os.tmpdir(), 'plex-cache-electron-shim-')),
  'electron.mjs',
)
fs.writeFileSync(
  shimFile,
  [
    `const electron = globalThis[Symbol.for('plex-cache.electron-stand-in')]`,
    ...Object.keys(electronModule).map((name) => `export const ${name} = electron.${name}`),
    'export default electron',
  ].join('\n'),
)
register(new URL('./resolve-electron.mjs', import.meta.url), {
  data: { shimUrl: pathToFileURL(shimFile).href },
})

appRecorder.appPath = appDir
await import(pathToFileURL(path.join(appDir, main)).href)
appRecorder.becomeReady()

const deadline = Date.now() + 20_000
while (FakeBrowserWindow.created.length === 0 && Date.now() < deadline) {
  await new Promise((resolve) => setTimeout(resolve, 20))
}
const window = FakeBrowserWindow.created[0]
const loadedUrl = window?.loadedUrl ?? null
const page = loadedUrl?.startsWith('app:') ? await protocolRecorder.request(loadedUrl) : null
const report = {
  argv: process.argv.slice(2),
  appPath: appRecorder.getAppPath(),
  userData: appRecorder.getPath('userData'),
  windows: FakeBrowserWindow.created.length,
  webPreferences: window?.options.webPreferences ?? null,
  loadedUrl,
  privilegedSchemes: protocolRecorder.privileged,
  page: page && {
    status: page.status,
    contentType: page.headers.get('content-type'),
    body: await page.text(),
  },
}
fs.writeFileSync(reportFile, JSON.stringify(report, null, 2))
fs.rmSync(path.dirname(shimFile), { recursive: true, force: true })

// Quit as a user would; the app closes its cache and the process ends with Electron's exit code.
appRecorder.quit()
setTimeout(() => process.exit(appRecorder.exitCode ?? 0), 6_000).unref()
