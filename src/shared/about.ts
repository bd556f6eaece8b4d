/** What the About view shows: versions of the app and of what runs it, and where its files are. */
export interface AboutInfo {
  appVersion: string
  /** null outside Electron (the browser bridge runs the same main-process code under plain Node). */
  electronVersion: string | null
  chromiumVersion: string | null
  nodeVersion: string
  /** The data folder: settings, the cache file and the logs. */
  dataDir: string
  logFile: string
}
