import type { Configuration } from 'electron-builder'

// electron-builder's release configuration. It lives here rather than under "build" in package.json
// so the files every package carries are written once: electron-builder does not merge a platform's
// own `files` with a top-level list (the platform's patterns start a list of their own, which then
// takes in the whole project), so each platform's list is the shared one plus its own exclusion.

/** What app.asar carries on every platform: the built app, its resources and package.json. */
const appFiles = [
  'out/**',
  'resources/**',
  'package.json',
  '!out/**/*.map',
  '!resources/bin/**', // the launchers ship as extra resources, outside app.asar
  '!node_modules/better-sqlite3/{deps,src}/**',
  '!node_modules/better-sqlite3/binding.gyp',
]

/** app.asar's files plus the exclusion of better-sqlite3's binaries for the other platforms. */
const filesLeavingOutBinariesFor = (otherPlatforms: string) => [
  ...appFiles,
  `!node_modules/better-sqlite3/prebuilds/{${otherPlatforms}}-*.node`,
]

const config = {
  appId: 'app.plexcache.desktop',
  productName: 'Plex Cache',
  extraMetadata: {
    homepage: 'https://plex-cache.example.invalid',
    desktopName: 'app.plexcache.PlexCache.desktop',
  },
  directories: {
    output: 'dist',
    buildResources: 'build',
  },
  artifactName: '${name}-${version}-${arch}.${ext}',
  asar: true,
  asarUnpack: ['**/*.node'],
  npmRebuild: false,
  nodeGypRebuild: false,
  buildDependenciesFromSource: false,
  publish: null,
  electronFuses: {
    runAsNode: true,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    loadBrowserProcessSpecificV8Snapshot: false,
    grantFileProtocolExtraPrivileges: false,
    resetAdHocDarwinSignature: true,
  },
  toolsets: {
    appimage: '1.0.3',
  },
  linux: {
    target: ['deb', 'AppImage'],
    executableName: 'plex-cache-desktop',
    executableArgs: [],
    syncDesktopName: true,
    icon: 'resources/icon.png',
    category: 'Utility',
    synopsis: 'A disk cache of Plex Media Server library data',
    extraResources: [{ from: 'resources/bin/plex-cache', to: 'bin/plex-cache' }],
    files: filesLeavingOutBinariesFor('darwin,win32'),
  },
  deb: {
    afterInstall: 'build/linux/after-install.tpl',
    afterRemove: 'build/linux/after-remove.tpl',
  },
  mac: {
    target: [{ target: 'dmg', arch: ['x64', 'arm64'] }],
    icon: 'resources/icon.png',
    category: 'public.app-category.utilities',
    hardenedRuntime: true,
    entitlements: 'build/entitlements.mac.plist',
    entitlementsInherit: 'build/entitlements.mac.plist',
    extraResources: [{ from: 'resources/bin/plex-cache', to: 'bin/plex-cache' }],
    files: filesLeavingOutBinariesFor('linux,linuxmusl,win32'),
  },
  win: {
    target: ['nsis'],
    icon: 'resources/icon.png',
    extraResources: [{ from: 'resources/bin/plex-cache.cmd', to: 'bin/plex-cache.cmd' }],
    files: filesLeavingOutBinariesFor('darwin,linux,linuxmusl'),
  },
  nsis: {
    oneClick: true,
    perMachine: false,
    include: 'build/installer.nsh',
  },
} satisfies Configuration

export default config
