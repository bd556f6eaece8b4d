import { withPolicyDirectives } from '../shared/content-security-policy'

/**
 * The built index.html, adjusted for the browser bridge. In Electron the renderer never touches the
 * network (connect-src 'none'); over the bridge, window.plexCache itself talks to its own origin,
 * so only this served copy allows connect-src 'self'. The file on disk is never changed.
 */
export const INIT_SCRIPT_PATH = '/__bridge/init.js'

export function bridgedIndexHtml(builtHtml: string): string {
  const withPolicy = withPolicyDirectives(builtHtml, { 'connect-src': `'self'` })
  // A classic script runs while the page is parsed, before any (deferred) module script: the
  // bridge is installed before the app bundle looks for it, exactly as a preload would be.
  const initTag = `<script src="${INIT_SCRIPT_PATH}"></script>\n    `
  const firstScript = withPolicy.search(/<script\b/)
  if (firstScript === -1) throw new Error('index.html has no script to install the bridge in front of')
  return withPolicy.slice(0, firstScript) + initTag + withPolicy.slice(firstScript)
}
