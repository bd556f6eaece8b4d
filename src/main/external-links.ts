// Deliberately free of `electron` imports: the decision of what may leave the app is plain
// logic that unit tests can exercise under Node. window.ts hands in Electron's shell.openExternal.

const externalProtocols = new Set(['http:', 'https:'])

/**
 * Returns the normalised URL if it may be handed to the operating system, otherwise null.
 * Only web links qualify: file:, smb:, custom protocol handlers and the like can launch local programs.
 * Links with embedded credentials are refused because they are a common way to disguise the real host.
 */
export function allowedExternalUrl(candidate: string): string | null {
  if (!URL.canParse(candidate)) return null
  const url = new URL(candidate)
  if (!externalProtocols.has(url.protocol) || url.hostname === '') return null
  if (url.username !== '' || url.password !== '') return null
  return url.href
}

export type OpenExternal = (url: string) => Promise<void>

/**
 * Builds the one function through which the app opens links in the user's browser.
 * Returns whether the link was handed over, so callers can log or ignore refusals.
 */
export function createExternalLinkOpener(
  openExternal: OpenExternal,
  onError: (error: unknown) => void = (error) => console.error('Could not open external link:', error),
): (candidate: string) => boolean {
  return (candidate) => {
    const url = allowedExternalUrl(candidate)
    if (url === null) return false
    // Opening is fire-and-forget: navigation handlers must answer synchronously.
    openExternal(url).catch(onError)
    return true
  }
}

/**
 * The sign-in page only: a URL at exactly the configured auth page's origin (https://app.plex.tv by
 * default), so a PIN flow can never be turned into opening some other site.
 */
export function allowedSignInUrl(candidate: string, authPageUrl: string): string | null {
  const url = allowedExternalUrl(candidate)
  if (url === null || !URL.canParse(authPageUrl)) return null
  return new URL(url).origin === new URL(authPageUrl).origin ? url : null
}
