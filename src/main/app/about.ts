import type { AboutInfo } from '../../shared/about'

/**
 * The versions this main process runs on, from process.versions: under Electron its Electron and
 * Chromium, under plain Node (the browser bridge) none, which the window shows as such.
 */
export function aboutThisApp(where: { appVersion: string; dataDir: string; logFile: string }): AboutInfo {
  const versions = process.versions as NodeJS.ProcessVersions & { electron?: string; chrome?: string }
  return {
    appVersion: where.appVersion,
    electronVersion: versions.electron ?? null,
    chromiumVersion: versions.chrome ?? null,
    nodeVersion: versions.node,
    dataDir: where.dataDir,
    logFile: where.logFile,
  }
}
