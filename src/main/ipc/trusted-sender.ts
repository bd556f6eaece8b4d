// Free of `electron` imports so the decision of which page may use the bridge is tested under Node.
import { isAppOrigin } from '../app-origin'

/** Where our own renderer may come from besides app://plex-cache: Vite's dev server, unpackaged only. */
export interface RendererLocation {
  /** Only when the app is unpackaged and ELECTRON_RENDERER_URL is set. */
  devServerUrl?: string
}

/**
 * True when `url` is on our renderer's origin, so its frame may call the contract. Origins, not
 * file paths: Chromium and Node escape `%`, `[` and `]` in file URLs differently, which once made
 * every call from an install path holding them FORBIDDEN. Anything else (file:, data:, a remote
 * page, our own load-failure page) is refused.
 */
export function isTrustedRendererUrl(url: string, location: RendererLocation): boolean {
  if (!URL.canParse(url)) return false
  const page = new URL(url)
  if (isAppOrigin(page)) return true
  if (location.devServerUrl === undefined || !URL.canParse(location.devServerUrl)) return false
  const devServer = new URL(location.devServerUrl)
  return (page.protocol === 'http:' || page.protocol === 'https:') && page.origin === devServer.origin
}
