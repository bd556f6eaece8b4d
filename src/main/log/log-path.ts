import { join } from 'node:path'

/** The log's folder and name inside the data folder, the same for the app and the browser bridge. */
export function logFilePath(dataDir: string): string {
  return join(dataDir, 'logs', 'plex-cache.log')
}
