import { cacheEventMessage } from '../main/cache'
import { createCore, type Core } from '../main/core'
import { fetchWithTrustedCertificates } from '../main/pinned-node-fetch'
import { DEFAULT_SETTINGS } from '../main/service'
import type { GlobalOptions } from './args'
import { savedSettings, savedToken } from './saved-settings'

/**
 * The same core the desktop app builds, on the same data folder, so both share one cache file and
 * one settings file (the server, the size limit, the time-to-live values). A CLI run is short, so
 * it never keeps libraries warm in the background.
 */
export async function openCore(
  options: GlobalOptions,
  protectSecret: (secret: string) => void = () => {},
): Promise<Core> {
  const saved = savedSettings(options.dataDir)
  // The saved token goes only to the saved server, never to one --server or PLEX_URL names.
  const token =
    options.token ??
    (options.server === undefined && saved.serverUrl !== undefined
      ? await savedToken(options.dataDir)
      : undefined)
  if (token !== undefined) protectSecret(token)
  return createCore({
    dataDir: options.dataDir,
    // Certificates trusted in the window (or with trust-certificate) apply here too.
    fetch: fetchWithTrustedCertificates(options.dataDir),
    settings: {
      ...DEFAULT_SETTINGS,
      ...saved,
      // --server or PLEX_URL points this one run elsewhere.
      serverUrl: options.server ?? saved.serverUrl,
      token,
      keepWarm: false,
    },
    onCacheEvent: (event) =>
      process.stderr.write(
        event.type === 'corrupt-file-recovered'
          ? `plex-cache: warning: the cache file was damaged and has been moved to ${event.movedTo}; starting afresh.\n`
          : `plex-cache: warning: ${cacheEventMessage(event)}\n`,
      ),
  })
}
