// Free of `electron` imports so the decision of which page may use the bridge is tested under Node.

/** Where our own renderer is loaded from: the built page, or Vite's dev server in an unpackaged app. */
export interface RendererLocation {
  /** file:// URL of out/renderer/index.html. */
  fileUrl: string
  /** Only when the app is unpackaged and ELECTRON_RENDERER_URL is set. */
  devServerUrl?: string
}

/** True when `url` is our renderer's page (any #hash or ?query), so its frame may call the contract. */
export function isTrustedRendererUrl(url: string, location: RendererLocation): boolean {
  if (!URL.canParse(url)) return false
  const page = new URL(url)
  const ours = new URL(location.fileUrl)
  if (page.protocol === 'file:' && page.host === ours.host && page.pathname === ours.pathname) return true
  if (location.devServerUrl === undefined || !URL.canParse(location.devServerUrl)) return false
  const devServer = new URL(location.devServerUrl)
  return (page.protocol === 'http:' || page.protocol === 'https:') && page.origin === devServer.origin
}
