import os from 'node:os'
import path from 'node:path'

export const APP_DIRECTORY_NAME = 'Plex Cache'

/**
 * Where Plex Cache keeps its data when nobody says otherwise: the same folder Electron uses as
 * the app's userData, so the CLI and the desktop app share one cache file.
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  if (env.PLEX_CACHE_DATA_DIR) return env.PLEX_CACHE_DATA_DIR
  if (platform === 'win32')
    return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), APP_DIRECTORY_NAME)
  if (platform === 'darwin')
    return path.posix.join(home, 'Library', 'Application Support', APP_DIRECTORY_NAME)
  return path.posix.join(env.XDG_CONFIG_HOME ?? path.posix.join(home, '.config'), APP_DIRECTORY_NAME)
}
