import fs from 'node:fs'
import path from 'node:path'
import { Arch, build, Platform } from 'electron-builder'
import { writeElectronStandIn } from './stand-in-electron'

/** What electron-builder made of the Linux configuration, without downloading a thing. */
export interface LinuxPackage {
  /** The packed app, as `--dir` lays it out and as the deb installs it in /opt/Plex Cache. */
  appDir: string
  resourcesDir: string
  archive: string
  deb: {
    /** fpm's arguments: the package's metadata and where each file is installed. */
    fpmArgs: string[]
    afterInstall: string
    afterRemove: string
    desktopEntry: string
  }
  appImage: { desktopEntry: string; desktopFileName: string }
}

/**
 * Packs the Linux app with the real configuration (electron-builder.ts) and a stand-in Electron
 * binary, then lets the deb and AppImage targets compute everything they would hand to fpm and the
 * AppImage tools (electron-builder's `effectiveOptionComputed` hook) and stops there, because those
 * tools would have to be downloaded. The scripts are read while electron-builder still has them.
 */
export async function packLinux(projectDir: string, workDir: string): Promise<LinuxPackage> {
  const electronDist = path.join(workDir, 'electron-dist')
  writeElectronStandIn(electronDist)
  const output = path.join(workDir, 'dist')
  let deb: LinuxPackage['deb'] | undefined
  let appImage: LinuxPackage['appImage'] | undefined
  await build({
    projectDir,
    targets: Platform.LINUX.createTarget(['deb', 'AppImage'], Arch.x64),
    publish: 'never',
    config: { electronDist, directories: { output } },
    effectiveOptionComputed: (computed: unknown) => {
      if (Array.isArray(computed)) {
        const [fpmArgs, desktopFile] = computed as [string[], string]
        const scriptAfter = (flag: string) => fs.readFileSync(fpmArgs[fpmArgs.indexOf(flag) + 1]!, 'utf8')
        deb = {
          fpmArgs,
          afterInstall: scriptAfter('--after-install'),
          afterRemove: scriptAfter('--after-remove'),
          desktopEntry: fs.readFileSync(desktopFile, 'utf8'),
        }
      } else {
        const { desktop, desktopFileName } = computed as { desktop: string; desktopFileName: string }
        appImage = { desktopEntry: desktop, desktopFileName }
      }
      return Promise.resolve(true) // true: stop before running fpm or the AppImage tools
    },
  })
  if (!deb || !appImage) throw new Error('electron-builder did not reach the deb and AppImage targets')
  const appDir = path.join(output, 'linux-unpacked')
  const resourcesDir = path.join(appDir, 'resources')
  return { appDir, resourcesDir, archive: path.join(resourcesDir, 'app.asar'), deb, appImage }
}

/** A .desktop file's [Desktop Entry] keys. */
export function desktopKeys(entry: string): Record<string, string> {
  return Object.fromEntries(
    entry
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  )
}
