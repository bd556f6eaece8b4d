import fs from 'node:fs'
import path from 'node:path'
import builderConfig from '../../../electron-builder'

// The release configuration lives in electron-builder.ts. electron-builder does not merge a
// platform's `files` with a top-level list, so each platform carries its complete list.

export const projectRoot = path.resolve(import.meta.dirname, '../../..')
export const fromRoot = (...parts: string[]) => path.join(projectRoot, ...parts)

export type Target = string | { target: string; arch?: string[] }
export interface FileSet {
  from: string
  to: string
}
export interface PlatformConfig {
  target: Target[]
  icon: string
  files: string[]
  extraResources: FileSet[]
  category?: string
  [option: string]: unknown
}
export interface BuildConfig {
  appId: string
  productName: string
  extraMetadata: Record<string, string>
  directories: { output: string; buildResources: string }
  asar: boolean
  asarUnpack: string[]
  npmRebuild: boolean
  nodeGypRebuild: boolean
  electronFuses: Record<string, boolean>
  toolsets: Record<string, string>
  linux: PlatformConfig
  deb: { afterInstall: string; afterRemove: string }
  mac: PlatformConfig
  win: PlatformConfig
  nsis: { oneClick: boolean; perMachine: boolean; include: string }
}
export interface PackageJson {
  name: string
  productName: string
  main: string
  author: { name: string; email: string }
  scripts: Record<string, string>
  dependencies: Record<string, string>
  devDependencies: Record<string, string>
}

export const pkg = JSON.parse(fs.readFileSync(fromRoot('package.json'), 'utf8')) as PackageJson
export const config: BuildConfig = builderConfig
export const platforms = { linux: config.linux, mac: config.mac, win: config.win }
export type PlatformName = keyof typeof platforms

/** better-sqlite3's prebuilt binaries that each platform's package must carry (and load). */
export const ownPrebuilds: Record<PlatformName, string[]> = {
  linux: ['linux-x64', 'linux-arm64', 'linuxmusl-x64', 'linuxmusl-arm64'],
  mac: ['darwin-x64', 'darwin-arm64'],
  win: ['win32-x64', 'win32-arm64'],
}
export const allPrebuilds = Object.values(ownPrebuilds).flat()
export const prebuildPath = (name: string) => `node_modules/better-sqlite3/prebuilds/${name}.node`

/**
 * What the app loads from the app root at runtime: the main process (src/main/window.ts, index.ts,
 * tray/tray.ts) and the installed `plex-cache` command (resources/bin runs out/cli/index.cjs).
 */
export const appFiles = [
  pkg.main,
  'out/preload/index.cjs',
  'out/renderer/index.html',
  'out/cli/index.cjs',
  'resources/icon.png',
  'resources/tray.png',
  'resources/tray@2x.png',
  'resources/trayTemplate.png',
  'resources/trayTemplate@2x.png',
]

/** Every module specifier a built file loads: static and dynamic imports, and require(). */
export function importedSpecifiers(code: string): Set<string> {
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

export const packageName = (specifier: string) =>
  specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!

/** The build `npm run dist` packs; the tests read it, and `npm test` makes it before they run. */
export function requireBuiltApp(): void {
  const missing = appFiles.filter((file) => file.startsWith('out/') && !fs.existsSync(fromRoot(file)))
  if (missing.length > 0) {
    throw new Error(`Run \`npm run build\` first: the built app lacks ${missing.join(', ')}`)
  }
}
