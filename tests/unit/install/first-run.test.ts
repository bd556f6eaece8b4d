import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startElectronMirror, type ElectronMirror } from './electron-mirror'
import { storedZip } from './stored-zip'

/**
 * A new user's first run, as the README tells it: a fresh clone, `npm ci` on a PATH with no Python
 * or compiler, `npm install` (which must leave the lock file alone), then `npm start`. The Electron
 * binary comes the way it does on a user's machine: Electron's own installer downloads the release
 * zip through @electron/get, checks it against SHASUMS256.txt and unpacks it. Only the server (a
 * loopback mirror) and the binary (a stand-in that boots the built app under Node against a
 * recording `electron` module) differ. Nothing outside temporary folders is touched.
 */

const repoRoot = path.resolve(import.meta.dirname, '../../..')
const standInBinary = path.join(import.meta.dirname, 'stand-in-electron', 'electron')

interface StandInReport {
  argv: string[]
  appPath: string
  userData: string
  windows: number
  webPreferences: Record<string, unknown> | null
  loadedUrl: string | null
  privilegedSchemes: Array<{ scheme: string; privileges?: Record<string, boolean> }> | null
  page: { status: number; contentType: string | null; body: string } | null
}

interface Run {
  status: number | null
  output: string
}

let work: string
let clone: string
let sandboxPath: string
let mirror: ElectronMirror | null = null

/** A PATH holding only what a user's terminal must have for these commands: no python, make or cc. */
function sandboxBin(dir: string): string {
  fs.mkdirSync(dir)
  const npmCli = fs.realpathSync(execFileSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).trim())
  const tools: Record<string, string> = {
    node: process.execPath,
    npm: npmCli,
    sh: '/bin/sh',
    dirname: execFileSync('sh', ['-c', 'command -v dirname'], { encoding: 'utf8' }).trim(),
  }
  for (const [name, target] of Object.entries(tools)) fs.symlinkSync(target, path.join(dir, name))
  return dir
}

/** The caller's environment minus npm's own variables (this test itself runs under `npm test`). */
function freshTerminalEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_/i.test(key) || key === 'INIT_CWD' || key.startsWith('VITEST') || key === 'NODE_OPTIONS')
      continue
    if (key === 'ELECTRON_SKIP_BINARY_DOWNLOAD' || key === 'ELECTRON_EXEC_PATH') continue
    if (key.startsWith('PLEX_')) continue
    env[key] = value
  }
  return { ...env, PATH: sandboxPath, ...extra }
}

function npm(args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<Run> {
  const child = spawn('npm', args, { cwd: clone, env })
  let output = ''
  child.stdout.setEncoding('utf8').on('data', (text: string) => (output += text))
  child.stderr.setEncoding('utf8').on('data', (text: string) => (output += text))
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.once('close', (status) => {
      clearTimeout(timer)
      resolve({ status, output })
    })
  })
}

const gitStatus = () => execFileSync('git', ['status', '--porcelain'], { cwd: clone, encoding: 'utf8' })

describe.skipIf(process.platform !== 'linux')(
  'first run on a fresh machine (the stand-in Electron is a Linux script)',
  () => {
    beforeAll(() => {
      // Not tempDir(): that one is removed after each test, and these steps build on one another.
      work = fs.mkdtempSync(path.join(os.tmpdir(), 'plex-cache-first-run-'))
      clone = path.join(work, 'plex-cache')
      execFileSync('git', ['clone', '--quiet', repoRoot, clone])
      sandboxPath = sandboxBin(path.join(work, 'bin'))
    })

    afterAll(async () => {
      await mirror?.close()
      fs.rmSync(work, { recursive: true, force: true })
    })

    it('has no Python, make or C compiler on the PATH it installs with', () => {
      for (const tool of ['python3', 'python', 'make', 'cc', 'gcc', 'g++', 'node-gyp']) {
        const found = execFileSync('sh', ['-c', `command -v ${tool} || true`], {
          env: { PATH: sandboxPath },
          encoding: 'utf8',
        })
        expect(found, tool).toBe('')
      }
    })

    it('npm ci installs without compiling anything and leaves the tree clean', async () => {
      const run = await npm(
        ['ci', '--prefer-offline', '--no-audit', '--no-fund'],
        freshTerminalEnv({}),
        240_000,
      )
      expect(run.status, run.output).toBe(0)
      expect(run.output).not.toMatch(/node-gyp|gyp ERR|python/i)
      // node-gyp leaves build/ (a Makefile) behind even when the target compiles nothing.
      expect(fs.existsSync(path.join(clone, 'node_modules/better-sqlite3/build'))).toBe(false)
      expect(fs.existsSync(path.join(clone, 'node_modules/better-sqlite3/prebuilds/linux-x64.node'))).toBe(
        true,
      )
      // Electron's binary is not fetched at install time: installs work offline.
      expect(fs.existsSync(path.join(clone, 'node_modules/electron/path.txt'))).toBe(false)
      expect(gitStatus()).toBe('')
    }, 250_000)

    it('npm install leaves package-lock.json unchanged', async () => {
      const run = await npm(
        ['install', '--prefer-offline', '--no-audit', '--no-fund'],
        freshTerminalEnv({}),
        120_000,
      )
      expect(run.status, run.output).toBe(0)
      expect(gitStatus()).toBe('')
    }, 130_000)

    it('npm start downloads Electron once through its own installer, builds once and opens the window', async () => {
      const version = (
        JSON.parse(fs.readFileSync(path.join(clone, 'node_modules/electron/package.json'), 'utf8')) as {
          version: string
        }
      ).version
      const zipName = `electron-v${version}-${process.platform}-${process.arch}.zip`
      const zip = storedZip([
        { name: 'electron', data: fs.readFileSync(standInBinary), mode: 0o755 },
        { name: 'version', data: Buffer.from(`v${version}`), mode: 0o644 },
      ])
      mirror = await startElectronMirror(version, zipName, zip)
      const reportFile = path.join(work, 'report.json')
      const dataDir = path.join(work, 'data')
      const env = freshTerminalEnv({
        ELECTRON_MIRROR: mirror.url,
        electron_use_remote_checksums: '1',
        ELECTRON_GET_NO_PROGRESS: '1',
        electron_config_cache: path.join(work, 'electron-download-cache'),
        PLEX_CACHE_DATA_DIR: dataDir,
        PLEX_CACHE_STAND_IN_REPORT: reportFile,
      })

      const first = await npm(['start'], env, 120_000)
      expect(first.status, first.output).toBe(0)
      expect([...mirror.requests].sort()).toEqual(
        [`/v${version}/${zipName}`, `/v${version}/SHASUMS256.txt`].sort(),
      )
      expect(fs.readFileSync(path.join(clone, 'node_modules/electron/path.txt'), 'utf8')).toBe('electron')
      // One build: electron-vite preview builds, and nothing builds before it.
      expect(first.output.match(/out\/main\/index\.js/g) ?? []).toHaveLength(1)

      const report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as StandInReport
      expect(report.argv).toEqual(['.'])
      expect(fs.realpathSync(report.appPath)).toBe(fs.realpathSync(clone))
      expect(report.userData).toBe(dataDir)
      expect(report.windows).toBe(1)
      expect(report.webPreferences).toMatchObject({
        preload: path.join(report.appPath, 'out/preload/index.cjs'),
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
      })
      expect(fs.existsSync(path.join(clone, 'out/preload/index.cjs'))).toBe(true)
      expect(report.privilegedSchemes?.map((scheme) => scheme.scheme)).toEqual(['app'])
      expect(report.loadedUrl).toBe('app://plex-cache/index.html')
      expect(report.page).toMatchObject({ status: 200, contentType: expect.stringMatching(/^text\/html/) })
      expect(report.page?.body).toBe(fs.readFileSync(path.join(clone, 'out/renderer/index.html'), 'utf8'))
      // The app opened its cache in the data folder it was given, and closed it on quit.
      expect(fs.existsSync(path.join(dataDir, 'cache/plex-cache.sqlite'))).toBe(true)

      // Once installed, the installer is a no-op: a second start downloads nothing.
      const requestsAfterFirstStart = mirror.requests.length
      fs.rmSync(reportFile)
      const second = await npm(['start'], env, 120_000)
      expect(second.status, second.output).toBe(0)
      expect(mirror.requests).toHaveLength(requestsAfterFirstStart)
      expect(fs.existsSync(reportFile)).toBe(true)
    }, 250_000)
  },
)
