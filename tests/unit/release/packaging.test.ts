import fs from 'node:fs'
import { builtinModules, createRequire } from 'node:module'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  allPrebuilds,
  appFiles,
  config,
  fromRoot,
  importedSpecifiers,
  ownPrebuilds,
  packageName,
  pkg,
  platforms,
  prebuildPath,
  requireBuiltApp,
  type PlatformConfig,
  type PlatformName,
} from './release-config'

/** Whether electron-builder's `files` list packs an app file: a pattern takes it, and no "!" pattern drops it. */
function packs(files: string[], file: string): boolean {
  const taken = files.some((pattern) => !pattern.startsWith('!') && path.matchesGlob(file, pattern))
  return taken && !excluded(files, file)
}

/** node_modules of production dependencies are packed automatically; only "!" patterns remove from them. */
function excluded(files: string[], file: string): boolean {
  return files.some((pattern) => pattern.startsWith('!') && path.matchesGlob(file, pattern.slice(1)))
}

const targets = (platform: PlatformConfig) =>
  platform.target.map((target) => (typeof target === 'string' ? { target } : target))

function pngSize(file: string): { width: number; height: number } {
  const header = fs.readFileSync(file).subarray(0, 24)
  expect(header.subarray(1, 4).toString('latin1'), `${file} is a PNG`).toBe('PNG')
  return { width: header.readUInt32BE(16), height: header.readUInt32BE(20) }
}

describe('release configuration (electron-builder.ts)', () => {
  it('names the app and builds installers with `npm run dist`', () => {
    expect(config.appId).toBe('app.plexcache.desktop')
    expect(config.productName).toBe('Plex Cache')
    expect(config.productName).toBe(pkg.productName)
    expect(pkg.scripts.dist).toBe('npm run build && electron-builder')
    expect(pkg.devDependencies['electron-builder']).toMatch(/^26\.\d+\.\d+$/)
  })

  it('names a real author, and keeps its placeholders in the two places the README lists', () => {
    expect(pkg.author.name).toBe('Plex Cache contributors')
    // The deb's Maintainer and Homepage fields need an address and a URL; until the project has
    // them, these are the placeholders the README's "Placeholders" note names.
    expect(pkg.author.email).toBe('plex-cache@example.invalid')
    expect(config.extraMetadata.homepage).toBe('https://plex-cache.example.invalid')
    const placeholders = `${JSON.stringify(pkg)} ${JSON.stringify(config)}`.match(
      /[\w.@/:-]*example\.invalid/g,
    )
    expect(placeholders).toEqual(['plex-cache@example.invalid', 'https://plex-cache.example.invalid'])
  })

  it('targets the deb first and the AppImage on Linux, dmg for x64 and arm64 on macOS, nsis on Windows', () => {
    expect(targets(config.linux)).toEqual([{ target: 'deb' }, { target: 'AppImage' }])
    expect(targets(config.mac)).toEqual([{ target: 'dmg', arch: ['x64', 'arm64'] }])
    expect(targets(config.win)).toEqual([{ target: 'nsis' }])
    expect(config.mac.category).toBe('public.app-category.utilities')
    expect(config.linux.category).toBe('Utility')
  })

  it('builds the AppImage with the static runtime (no libfuse2) and never asks for --no-sandbox', () => {
    // electron-builder's AppImage toolsets from 1.0.0 on embed the static runtime; the legacy one
    // ("0.0.0", the default) needs libfuse2 and writes --no-sandbox into the desktop entry.
    expect(config.toolsets.appimage).toMatch(/^1\.\d+\.\d+$/)
    expect(config.linux.executableArgs).toEqual([])
  })

  it('signs and notarizes macOS builds only from the environment, with the hardened runtime', () => {
    expect(config.mac.hardenedRuntime).toBe(true)
    // No identity, no notarize options: electron-builder signs when CSC_LINK (or a keychain
    // identity) is there, notarizes when APPLE_ID... or APPLE_API_KEY... are set, and otherwise
    // builds an unsigned app with a warning.
    for (const key of ['identity', 'notarize', 'forceCodeSigning']) expect(config.mac).not.toHaveProperty(key)
    expect(config.mac.entitlements).toBe('build/entitlements.mac.plist')
    expect(config.mac.entitlementsInherit).toBe('build/entitlements.mac.plist')
    const entitlements = fs.readFileSync(fromRoot('build/entitlements.mac.plist'), 'utf8')
    const granted = [...entitlements.matchAll(/<key>([^<]+)<\/key>\s*<true\/>/g)].map((match) => match[1])
    expect(granted).toEqual(['com.apple.security.cs.allow-jit'])
    // Flipping fuses breaks the arm64 binary's ad-hoc signature; an unsigned build needs it redone.
    expect(config.electronFuses.resetAdHocDarwinSignature).toBe(true)
  })

  for (const [name, platform] of Object.entries(platforms)) {
    it(`${name}: packs the built app, package.json and the icons; ships the launcher beside it`, () => {
      for (const file of appFiles) expect(packs(platform.files, file), file).toBe(true)
      expect(packs(platform.files, 'package.json')).toBe(true)
      // Sources, tests, the dev bin and the launchers (shipped as extra resources) stay out of app.asar.
      for (const file of [
        'src/main/index.ts',
        'tests/unit/format.test.ts',
        'bin/plex-cache.cjs',
        'README.md',
        'resources/bin/plex-cache',
        'resources/bin/plex-cache.cmd',
      ]) {
        expect(packs(platform.files, file), file).toBe(false)
      }
      const launcher = name === 'win' ? 'plex-cache.cmd' : 'plex-cache'
      expect(platform.extraResources).toEqual([{ from: `resources/bin/${launcher}`, to: `bin/${launcher}` }])
      expect(fs.existsSync(fromRoot('resources/bin', launcher)), launcher).toBe(true)
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
      const own = ownPrebuilds[name as PlatformName]
      for (const prebuild of own) {
        const file = prebuildPath(prebuild)
        expect(excluded(platform.files, file), `${name} packs ${file}`).toBe(false)
        expect(
          config.asarUnpack.some((pattern) => path.matchesGlob(file, pattern)),
          `${file} is unpacked`,
        ).toBe(true)
      }
      // Other platforms' binaries are left out of this platform's package.
      for (const prebuild of allPrebuilds.filter((p) => !own.includes(p))) {
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

describe('the built app (npm run build, as `npm run dist` does)', () => {
  const mainDir = fromRoot('out', 'main')
  let mainImports = new Map<string, Set<string>>()

  beforeAll(() => {
    requireBuiltApp()
    mainImports = new Map(
      fs
        .readdirSync(mainDir)
        .filter((file) => /\.[cm]?js$/.test(file))
        .map((file) => [file, importedSpecifiers(fs.readFileSync(path.join(mainDir, file), 'utf8'))]),
    )
  })

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

  it('bundles the CLI into one file that requires only built-ins, better-sqlite3 and undici', () => {
    const cli = importedSpecifiers(fs.readFileSync(fromRoot('out/cli/index.cjs'), 'utf8'))
    const outside = [...cli].filter(
      (specifier) => !specifier.startsWith('node:') && !builtinModules.includes(specifier),
    )
    // undici only when a trusted certificate applies; both are in "dependencies", so packaged.
    expect(outside.sort()).toEqual(['better-sqlite3', 'undici'])
    for (const name of outside) expect(Object.keys(pkg.dependencies)).toContain(name)
  })
})
