/**
 * Where plex.tv and its sign-in page are. Real Plex by default; tests and the fake point the app
 * and the CLI at a fake plex.tv on loopback through the environment, so no test reaches plex.tv.
 */
export interface PlexTvEndpoints {
  /** The API: `${apiUrl}/api/v2/pins`, `/api/v2/resources`, `/api/v2/user`. */
  apiUrl: string
  /** The page the browser opens for a PIN: `${authUrl}#?clientID=…&code=…`. */
  authUrl: string
}

export const PLEX_TV_URL = 'https://plex.tv'
export const PLEX_AUTH_URL = 'https://app.plex.tv/auth'

export function plexTvEndpoints(env: NodeJS.ProcessEnv = process.env): PlexTvEndpoints {
  const apiUrl = withoutTrailingSlash(env.PLEX_CACHE_PLEX_TV_URL || PLEX_TV_URL)
  // A fake plex.tv serves its own sign-in page; with only the API moved, the page moves with it.
  const authUrl =
    env.PLEX_CACHE_PLEX_AUTH_URL || (env.PLEX_CACHE_PLEX_TV_URL ? `${apiUrl}/auth` : PLEX_AUTH_URL)
  return { apiUrl, authUrl: withoutTrailingSlash(authUrl) }
}

function withoutTrailingSlash(url: string): string {
  return url.trim().replace(/\/+$/, '')
}
