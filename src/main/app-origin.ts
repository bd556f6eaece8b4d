// Free of `electron` imports: both the protocol handler and the IPC sender check decide things
// from these names, and both are unit tested under Node.

/** The privileged scheme our renderer is served from (Electron security checklist item 18). */
export const APP_SCHEME = 'app'
export const APP_HOST = 'plex-cache'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
/** What windows load when there is no dev server. */
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`

/**
 * True when `url` belongs to our app:// origin. Compared by parts because Node treats `app:` as an
 * opaque scheme (its URL.origin is "null"), while Chromium, told the scheme is standard, gives it
 * a real origin; the host is compared exactly, as Chromium hands it over already lower-cased.
 */
export function isAppOrigin(url: URL): boolean {
  return (
    url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === ''
  )
}
