import { execFile } from 'node:child_process'
import fs from 'node:fs'
import { builtinModules, createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
// electron-builder's own asar and fuses libraries (its dependencies), so the output is read the way
// the packager wrote it.
import asar from '@electron/asar'
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses'
import type BetterSqlite3 from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeFakeRoot, resolveInRoot, runMaintainerScript } from './fake-root'
import { desktopKeys, packLinux, type LinuxPackage } from './pack-linux'
import {
  appFiles,
  config,
  importedSpecifiers,
  ownPrebuilds,
  packageName,
  prebuildPath,
  projectRoot,
  requireBuiltApp,
} from './release-config'

const run = promisify(execFile)

// Linux only: the launcher and the stand-in Electron are shell scripts, the deb scripts bash.
describe.skipIf(process.platform !== 'linux')('the Linux app as electron-builder packs it', () => {
  let workDir = ''
  let linux: LinuxPackage
  let extracted = ''

  beforeAll(async () => {
    requireBuiltApp()
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plex-cache-package-'))
    linux = await packLinux(projectRoot, workDir)
    extracted = path.join(workDir, 'extracted')
    asar.extractAll(linux.archive, extracted) // the unpacked files come along
  }, 120_000)

  afterAll(() => {
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true })
  })

  it('puts the built app, the CLI and the icons in app.asar', () => {
    for (const file of appFiles) expect(asar.statFile(linux.archive, file), file).toBeTruthy()
    for (const file of ['src/main/index.ts', 'resources/bin/plex-cache']) {
      expect(() => asar.statFile(linux.archive, file), file).toThrow()
    }
  })

  it('packs every package the main bundle imports', () => {
    const mainDir = path.join(extracted, 'out', 'main')
    const packages = fs
      .readdirSync(mainDir)
      .flatMap((file) => [...importedSpecifiers(fs.readFileSync(path.join(mainDir, file), 'utf8'))])
      .filter((specifier) => !specifier.startsWith('.') && !specifier.startsWith('node:'))
      .filter((specifier) => specifier !== 'electron' && !builtinModules.includes(specifier))
      .map(packageName)
    expect(packages).toContain('better-sqlite3')
    for (const name of new Set(packages)) {
      expect(asar.statFile(linux.archive, `node_modules/${name}/package.json`), name).toBeTruthy()
    }
  })

  it("unpacks better-sqlite3's Linux binaries next to the archive, and only those", () => {
    for (const prebuild of ownPrebuilds.linux) {
      const file = prebuildPath(prebuild)
      expect(asar.statFile(linux.archive, file), file).toMatchObject({ unpacked: true })
      expect(fs.existsSync(path.join(linux.resourcesDir, 'app.asar.unpacked', file)), file).toBe(true)
    }
    for (const prebuild of [...ownPrebuilds.mac, ...ownPrebuilds.win]) {
      expect(() => asar.statFile(linux.archive, prebuildPath(prebuild)), prebuild).toThrow()
    }
  })

  it('loads better-sqlite3 from the packaged files', () => {
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

  it('flips the fuses in the app binary: hardened, except RunAsNode, which the CLI runs on', async () => {
    const binary = path.join(linux.appDir, 'plex-cache-desktop')
    const wire = await getCurrentFuseWire(binary)
    const state = (fuse: FuseV1Options) => String.fromCharCode(wire[fuse] as number)
    expect(wire.version).toBe('1')
    expect(state(FuseV1Options.RunAsNode)).toBe('1')
    expect(state(FuseV1Options.EnableCookieEncryption)).toBe('1')
    expect(state(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe('0')
    expect(state(FuseV1Options.EnableNodeCliInspectArguments)).toBe('0')
    expect(state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe('1')
    expect(state(FuseV1Options.OnlyLoadAppFromAsar)).toBe('1')
    expect(state(FuseV1Options.LoadBrowserProcessSpecificV8Snapshot)).toBe('0')
    expect(state(FuseV1Options.GrantFileProtocolExtraPrivileges)).toBe('0')
    // Every fuse is set on purpose, none left to Electron's default.
    expect(
      Object.keys(config.electronFuses).filter((key) => key !== 'resetAdHocDarwinSignature'),
    ).toHaveLength(8)
  })

  describe('the plex-cache command', () => {
    let launcher = ''
    const runEnv = () => ({
      ...process.env,
      STAND_IN_NODE: process.execPath,
      STAND_IN_ARCHIVE: linux.archive,
      STAND_IN_ASAR_ROOT: extracted,
    })

    beforeAll(() => {
      // Found through a symlink, as /usr/bin/plex-cache finds it.
      const bin = path.join(workDir, 'usr-bin')
      fs.mkdirSync(bin)
      launcher = path.join(bin, 'plex-cache')
      fs.symlinkSync(path.join(linux.resourcesDir, 'bin', 'plex-cache'), launcher)
    })

    it('ships as resources/bin/plex-cache, executable', () => {
      const { mode } = fs.statSync(path.join(linux.resourcesDir, 'bin', 'plex-cache'))
      expect(mode & 0o111).toBe(0o111)
    })

    it('answers help through the app binary in Node mode', async () => {
      const { stdout } = await run(launcher, ['help'], { env: runEnv() })
      expect(stdout).toMatch(/^Usage: plex-cache <command> \[options\]/)
      expect(stdout).toContain('--data-dir DIR')
    })

    it('reports the statistics of the data folder it is given, as JSON', async () => {
      const dataDir = path.join(workDir, 'data')
      const { stdout } = await run(launcher, ['stats', '--json', '--data-dir', dataDir], { env: runEnv() })
      const stats = JSON.parse(stdout) as Record<string, unknown>
      expect(stats).toMatchObject({ hits: 0, misses: 0, entries: 0, bytes: 0, plexRequests: 0 })
      expect(stats.databaseFileBytes).toBeGreaterThan(0)
      expect(fs.readdirSync(dataDir)).toContain('cache')
    })

    it('uses the data folder the window uses by default ($PLEX_CACHE_DATA_DIR here), and passes on exit codes', async () => {
      const dataDir = path.join(workDir, 'shared-data')
      await run(launcher, ['stats'], { env: { ...runEnv(), PLEX_CACHE_DATA_DIR: dataDir } })
      expect(fs.readdirSync(dataDir)).toContain('cache')
      await expect(run(launcher, ['no-such-command'], { env: runEnv() })).rejects.toMatchObject({ code: 2 })
    })

    it('finds the app binary in the macOS layout (Plex Cache.app/Contents/Resources/bin) too', async () => {
      const contents = path.join(workDir, 'Plex Cache.app', 'Contents')
      fs.mkdirSync(path.join(contents, 'MacOS'), { recursive: true })
      fs.mkdirSync(path.join(contents, 'Resources', 'bin'), { recursive: true })
      fs.copyFileSync(
        path.join(linux.appDir, 'plex-cache-desktop'),
        path.join(contents, 'MacOS', 'Plex Cache'),
      )
      fs.chmodSync(path.join(contents, 'MacOS', 'Plex Cache'), 0o755)
      fs.symlinkSync(linux.archive, path.join(contents, 'Resources', 'app.asar'))
      const macLauncher = path.join(contents, 'Resources', 'bin', 'plex-cache')
      fs.copyFileSync(path.join(linux.resourcesDir, 'bin', 'plex-cache'), macLauncher)
      fs.chmodSync(macLauncher, 0o755)
      // The README's command links it into /usr/local/bin; a relative link here.
      const link = path.join(workDir, 'usr-local-bin', 'plex-cache')
      fs.mkdirSync(path.dirname(link))
      fs.symlinkSync(path.relative(path.dirname(link), macLauncher), link)
      const { stdout } = await run(link, ['help'], { env: runEnv() })
      expect(stdout).toMatch(/^Usage: plex-cache/)
    })
  })

  it('names the desktop entries after desktopName, which Electron makes the window class (X11) and app_id (Wayland)', () => {
    const desktopName = config.extraMetadata.desktopName!
    const id = desktopName.replace(/\.desktop$/, '')
    expect(id).toMatch(/^[a-z]+\.[a-z]+\.[A-Za-z]+$/) // a reverse-DNS ID, as Electron asks
    const packed = JSON.parse(asar.extractFile(linux.archive, 'package.json').toString()) as Record<
      string,
      unknown
    >
    expect(packed.desktopName).toBe(desktopName)
    const installed = linux.deb.fpmArgs.filter((arg) => arg.includes('=/'))
    expect(installed.some((arg) => arg.endsWith(`=/usr/share/applications/${desktopName}`))).toBe(true)
    expect(linux.appImage.desktopFileName).toBe(desktopName)
    for (const entry of [linux.deb.desktopEntry, linux.appImage.desktopEntry]) {
      const keys = desktopKeys(entry)
      expect(keys.StartupWMClass).toBe(id)
      expect(keys.Name).toBe('Plex Cache')
      expect(keys.Exec).not.toContain('--no-sandbox')
    }
    expect(desktopKeys(linux.deb.desktopEntry).Exec).toBe('"/opt/Plex Cache/plex-cache-desktop" %U')
  })

  describe('the deb', () => {
    it('installs the app in /opt/Plex Cache, with the author as maintainer', () => {
      const args = linux.deb.fpmArgs
      expect(args).toContain(`${linux.appDir}/=/opt/Plex Cache`)
      expect(args[args.indexOf('--name') + 1]).toBe('plex-cache')
      expect(args[args.indexOf('--maintainer') + 1]).toBe(
        'Plex Cache contributors <plex-cache@example.invalid>',
      )
    })

    for (const updateAlternatives of [true, false]) {
      it(`links /usr/bin/plex-cache and plex-cache-desktop on install and unlinks them on removal${updateAlternatives ? ' (update-alternatives)' : ' (plain links)'}`, async () => {
        const root = path.join(workDir, `root-${updateAlternatives}`)
        makeFakeRoot(root, linux.appDir)
        await runMaintainerScript(root, linux.deb.afterInstall, 'configure', { updateAlternatives })
        expect(resolveInRoot(root, '/usr/bin/plex-cache')).toBe('/opt/Plex Cache/resources/bin/plex-cache')
        expect(resolveInRoot(root, '/usr/bin/plex-cache-desktop')).toBe('/opt/Plex Cache/plex-cache-desktop')
        await runMaintainerScript(root, linux.deb.afterRemove, 'remove', { updateAlternatives })
        expect(resolveInRoot(root, '/usr/bin/plex-cache')).toBeUndefined()
        expect(resolveInRoot(root, '/usr/bin/plex-cache-desktop')).toBeUndefined()
      })
    }

    it('leaves a plex-cache command that is not its own in place on removal', async () => {
      const root = path.join(workDir, 'root-foreign')
      makeFakeRoot(root, linux.appDir)
      fs.symlinkSync(
        '/usr/local/lib/node_modules/plex-cache/bin/plex-cache.cjs',
        path.join(root, 'usr/bin/plex-cache'),
      )
      await runMaintainerScript(root, linux.deb.afterRemove, 'remove', { updateAlternatives: false })
      expect(fs.readlinkSync(path.join(root, 'usr/bin/plex-cache'))).toContain('node_modules')
    })

    it("keeps electron-builder's own steps: chrome-sandbox mode, AppArmor profile, desktop and MIME databases", () => {
      for (const step of [
        'chrome-sandbox',
        'apparmor_parser --replace',
        'update-desktop-database',
        'update-mime-database',
      ]) {
        expect(linux.deb.afterInstall, step).toContain(step)
      }
      expect(linux.deb.afterRemove).toContain('apparmor_parser --remove')
      expect(fs.readFileSync(path.join(linux.resourcesDir, 'apparmor-profile'), 'utf8')).toContain(
        '"/opt/Plex Cache/plex-cache-desktop"',
      )
    })
  })
})
