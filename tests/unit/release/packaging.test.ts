import { execFile } from 'node:child_process'
import fs from 'node:fs'
import { builtinModules, createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
// electron-builder's own asar library (a dependency of electron-builder), so the archive is read the
// way the packager wrote it.
import asar from '@electron/asar'
import type BetterSqlite3 from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// The release configuration lives in package.json ("build"). electron-builder replaces the top-level
// `files` with a platform's own list, so each platform carries its complete list.

const run = promisify(execFile)
const projectRoot = path.resolve(import.meta.dirname, '../../..')
const fromRoot = (...parts: string[]) => path.join(projectRoot, ...parts)

type Target = string | { target: string }
interface PlatformConfig {
  target: Target[]
  icon: string
  files: string[]
  category?: string
}
interface BuildConfig {
  appId: string
  productName: string
  asar: boolean
  asarUnpack: string[]
  npmRebuild: boolean
  nodeGypRebuild: boolean
  linux: PlatformConfig
  mac: PlatformConfig
  win: PlatformConfig
}
interface PackageJson {
  productName: string
  main: string
  scripts: Record<string, string>
  dependencies: Record<string, string>
  devDependencies: Record<string, string>
  build: BuildConfig
}

const pkg = JSON.parse(fs.readFileSync(fromRoot('package.json'), 'utf8')) as PackageJson
const config = pkg.build
const platforms = { linux: config.linux, mac: config.mac, win: config.win }

/** better-sqlite3's prebuilt binaries that each platform's package must carry (and load). */
const ownPrebuilds: Record<keyof typeof platforms, string[]> = {
  linux: ['linux-x64', 'linux-arm64', 'linuxmusl-x64', 'linuxmusl-arm64'],
  mac: ['darwin-x64', 'darwin-arm64'],
  win: ['win32-x64', 'win32-arm64'],
}
const allPrebuilds = Object.values(ownPrebuilds).flat()
const prebuildPath = (name: string) => `node_modules/better-sqlite3/prebuilds/${name}.node`

/** What the main process loads from the app root at runtime (src/main/window.ts, index.ts, tray/tray.ts). */
const appFiles = [
  pkg.main,
  'out/preload/index.cjs',
  'out/renderer/index.html',
  'resources/icon.png',
  'resources/tray.png',
  'resources/tray@2x.png',
  'resources/trayTemplate.png',
  'resources/trayTemplate@2x.png',
]

/** Whether electron-builder's `files` list packs an app file: a pattern takes it, and no "!" pattern drops it. */
function packs(files: string[], file: string): boolean {
  const taken = files.some((pattern) => !pattern.startsWith('!') && path.matchesGlob(file, pattern))
  return taken && !excluded(files, file)
}

/** node_modules of production dependencies are packed automatically; only "!" patterns remove from them. */
function excluded(files: string[], file: string): boolean {
  return files.some((pattern) => pattern.startsWith('!') && path.matchesGlob(file, pattern.slice(1)))
}

const targetNames = (platform: PlatformConfig) =>
  platform.target.map((target) => (typeof target === 'string' ? target : target.target))

function pngSize(file: string): { width: number; height: number } {
  const header = fs.readFileSync(file).subarray(0, 24)
  expect(header.subarray(1, 4).toString('latin1'), `${file} is a PNG`).toBe('PNG')
  return { width: header.readUInt32BE(16), height: header.readUInt32BE(20) }
}

describe('release configuration (package.json "build")', () => {
  it('names the app and builds installers with `npm run dist`', () => {
    expect(config.appId).toBe('app.plexcache.desktop')
    expect(config.productName).toBe('Plex Cache')
    expect(config.productName).toBe(pkg.productName)
    expect(pkg.scripts.dist).toBe('electron-vite build && electron-builder')
    expect(pkg.devDependencies['electron-builder']).toMatch(/^26\.\d+\.\d+$/)
  })

  it('targets AppImage and deb on Linux, dmg on macOS and nsis on Windows', () => {
    expect(targetNames(config.linux).sort()).toEqual(['AppImage', 'deb'])
    expect(targetNames(config.mac)).toEqual(['dmg'])
    expect(targetNames(config.win)).toEqual(['nsis'])
    expect(config.mac.category).toBe('public.app-category.utilities')
    expect(config.linux.category).toBe('Utility')
  })

  for (const [name, platform] of Object.entries(platforms)) {
    it(`${name}: packs the built app, package.json and the icons the main process loads`, () => {
      for (const file of appFiles) expect(packs(platform.files, file), file).toBe(true)
      expect(packs(platform.files, 'package.json')).toBe(true)
      // Sources, tests and the CLI stay out of the installer.
      for (const file of [
        'src/main/index.ts',
        'tests/unit/format.test.ts',
        'bin/plex-cache.js',
        'README.md',
      ]) {
        expect(packs(platform.files, file), file).toBe(false)
      }
    })
  }

  it('uses icons that exist and are large enough for every platform (512 px for macOS)', () => {
    for (const platform of Object.values(platforms)) {
      const icon = fromRoot(platform.icon)
      expect(fs.existsSync(icon), platform.icon).toBe(true)
      const { width, height } = pngSize(icon)
      expect(width).toBe(height)
      expect(width).toBeGreaterThanOrEqual(512)
    }
    for (const tray of appFiles.filter((file) => file.startsWith('resources/'))) {
      expect(fs.existsSync(fromRoot(tray)), tray).toBe(true)
    }
  })

  it("keeps better-sqlite3's native binary outside app.asar, with no rebuild", () => {
    expect(config.asar).toBe(true)
    // better-sqlite3 13 ships Node-API binaries: the same file loads in Node and in Electron.
    expect(config.npmRebuild).toBe(false)
    expect(config.nodeGypRebuild).toBe(false)
    for (const [name, platform] of Object.entries(platforms)) {
      for (const prebuild of ownPrebuilds[name as keyof typeof platforms]) {
        const file = prebuildPath(prebuild)
        expect(excluded(platform.files, file), `${name} packs ${file}`).toBe(false)
        expect(
          config.asarUnpack.some((pattern) => path.matchesGlob(file, pattern)),
          `${file} is unpacked`,
        ).toBe(true)
      }
      // Other platforms' binaries are left out of this platform's package.
      for (const prebuild of allPrebuilds.filter(
        (p) => !ownPrebuilds[name as keyof typeof platforms].includes(p),
      )) {
        expect(excluded(platform.files, prebuildPath(prebuild)), `${name} leaves out ${prebuild}`).toBe(true)
      }
    }
  })

  it('relies on better-sqlite3 13, which ships prebuilt binaries for linux, macOS and Windows on x64 and arm64', () => {
    const sqlitePackage = JSON.parse(
      fs.readFileSync(fromRoot('node_modules/better-sqlite3/package.json'), 'utf8'),
    ) as { version: string }
    expect(sqlitePackage.version).toMatch(/^13\./)
    expect(pkg.dependencies['better-sqlite3']).toBe(sqlitePackage.version)
    for (const prebuild of allPrebuilds) {
      expect(fs.statSync(fromRoot(prebuildPath(prebuild))).size, prebuild).toBeGreaterThan(100_000)
    }
  })
})

/** Every module specifier a built file loads: static and dynamic imports, and require(). */
function importedSpecifiers(code: string): Set<string> {
  const patterns = [
    /\bimport\s+(?:[\w*${},\s]+?\s+from\s+)?["']([^"']+)["']/g,
    /\bexport\s+(?:\*|\{[^}]*\})\s+from\s+["']([^"']+)["']/g,
    /\bimport\(\s*["']([^"']+)["']\s*\)/g,
    /\brequire\(\s*["']([^"']+)["']\s*\)/g,
  ]
  const found = new Set<string>()
  for (const pattern of patterns) for (const match of code.matchAll(pattern)) found.add(match[1]!)
  return found
}

const packageName = (specifier: string) =>
  specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!

describe('the built app (electron-vite build, as `npm run dist` does)', () => {
  const mainDir = fromRoot('out', 'main')
  let mainImports = new Map<string, Set<string>>()

  beforeAll(async () => {
    await run(process.execPath, [fromRoot('node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
      cwd: projectRoot,
      maxBuffer: 16 * 1024 * 1024,
    })
    mainImports = new Map(
      fs
        .readdirSync(mainDir)
        .filter((file) => /\.[cm]?js$/.test(file))
        .map((file) => [file, importedSpecifiers(fs.readFileSync(path.join(mainDir, file), 'utf8'))]),
    )
  }, 60_000)

  it('loads, at runtime, only built-ins, electron, its own chunks and packages in "dependencies"', () => {
    const all = [...mainImports.values()].flatMap((specifiers) => [...specifiers])
    // A sanity check on the parser: the bundle does import these.
    expect(all).toEqual(expect.arrayContaining(['electron', 'better-sqlite3']))
    const requireFromMain = createRequire(path.join(mainDir, 'index.js'))
    for (const specifier of all) {
      if (specifier === 'electron' || specifier.startsWith('node:') || builtinModules.includes(specifier))
        continue
      if (specifier.startsWith('.')) {
        expect(fs.existsSync(path.join(mainDir, specifier)), `bundled chunk ${specifier}`).toBe(true)
        continue
      }
      const name = packageName(specifier)
      expect(
        Object.keys(pkg.dependencies),
        `${specifier} must be in "dependencies" to be packaged`,
      ).toContain(name)
      expect(() => requireFromMain.resolve(specifier), specifier).not.toThrow()
    }
  })

  it('gives the sandboxed preload nothing to require but electron', () => {
    const preload = fs.readFileSync(fromRoot('out/preload/index.cjs'), 'utf8')
    expect([...importedSpecifiers(preload)]).toEqual(['electron'])
  })

  describe('packaged by electron-builder (--dir for Linux, with a stand-in for the Electron binary)', () => {
    // The real Electron download is out of reach offline; the stand-in is an empty directory with
    // an `electron` file, which is all the unpacked Linux target needs to lay out the app.
    let workDir = ''
    let resourcesDir = ''
    let archive = ''

    beforeAll(async () => {
      workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plex-cache-package-'))
      const electronStandIn = path.join(workDir, 'electron-dist')
      fs.mkdirSync(electronStandIn)
      fs.writeFileSync(path.join(electronStandIn, 'electron'), '', { mode: 0o755 })
      const output = path.join(workDir, 'dist')
      await run(
        process.execPath,
        [
          fromRoot('node_modules/electron-builder/cli.js'),
          '--dir',
          '--linux',
          '--publish',
          'never',
          `-c.electronDist=${electronStandIn}`,
          `-c.directories.output=${output}`,
        ],
        {
          cwd: projectRoot,
          maxBuffer: 16 * 1024 * 1024,
          env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
        },
      )
      resourcesDir = path.join(output, 'linux-unpacked', 'resources')
      archive = path.join(resourcesDir, 'app.asar')
    }, 120_000)

    afterAll(() => {
      if (workDir) fs.rmSync(workDir, { recursive: true, force: true })
    })

    it('puts the built app and its icons in app.asar', () => {
      for (const file of appFiles) expect(asar.statFile(archive, file), file).toBeTruthy()
      expect(() => asar.statFile(archive, 'src/main/index.ts')).toThrow()
    })

    it('packs every package the main bundle imports', () => {
      const packages = [...mainImports.values()]
        .flatMap((specifiers) => [...specifiers])
        .filter((specifier) => !specifier.startsWith('.') && !specifier.startsWith('node:'))
        .filter((specifier) => specifier !== 'electron' && !builtinModules.includes(specifier))
        .map(packageName)
      for (const name of new Set(packages)) {
        expect(asar.statFile(archive, `node_modules/${name}/package.json`), name).toBeTruthy()
      }
    })

    it("unpacks better-sqlite3's Linux binaries next to the archive, and only those", () => {
      for (const prebuild of ownPrebuilds.linux) {
        const file = prebuildPath(prebuild)
        expect(asar.statFile(archive, file), file).toMatchObject({ unpacked: true })
        expect(fs.existsSync(path.join(resourcesDir, 'app.asar.unpacked', file)), file).toBe(true)
      }
      for (const prebuild of [...ownPrebuilds.mac, ...ownPrebuilds.win]) {
        expect(() => asar.statFile(archive, prebuildPath(prebuild)), prebuild).toThrow()
      }
    })

    it.skipIf(process.platform !== 'linux')('loads better-sqlite3 from the packaged files', () => {
      const extracted = path.join(workDir, 'extracted')
      asar.extractAll(archive, extracted) // the unpacked files come along
      const requireFromApp = createRequire(path.join(extracted, 'out', 'main', 'index.js'))
      expect(requireFromApp.resolve('better-sqlite3')).toBe(
        path.join(extracted, 'node_modules', 'better-sqlite3', 'lib', 'index.js'),
      )
      const Database = requireFromApp('better-sqlite3') as typeof BetterSqlite3
      const db = new Database(':memory:')
      try {
        expect(db.prepare('select 6 * 7 as answer').get()).toEqual({ answer: 42 })
      } finally {
        db.close()
      }
    })
  })
})
