/**
 * The built index.html, adjusted for the browser bridge. In Electron the renderer never touches the
 * network (connect-src 'none'); over the bridge, window.plexCache itself talks to its own origin,
 * so only this served copy allows connect-src 'self'. The file on disk is never changed.
 */
export const INIT_SCRIPT_PATH = '/__bridge/init.js'

const cspMeta = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)(")/

export function bridgedIndexHtml(builtHtml: string): string {
  if (!cspMeta.test(builtHtml))
    throw new Error('index.html must declare its Content-Security-Policy meta tag')
  const withPolicy = builtHtml.replace(cspMeta, (_match, start: string, policy: string, end: string) => {
    return start + withDirectives(policy, { 'connect-src': `'self'` }) + end
  })
  // A classic script runs while the page is parsed, before any (deferred) module script: the
  // bridge is installed before the app bundle looks for it, exactly as a preload would be.
  const initTag = `<script src="${INIT_SCRIPT_PATH}"></script>\n    `
  const firstScript = withPolicy.search(/<script\b/)
  if (firstScript === -1) throw new Error('index.html has no script to install the bridge in front of')
  return withPolicy.slice(0, firstScript) + initTag + withPolicy.slice(firstScript)
}

/** Replaces whole directives, keeping the rest of the policy and its order. */
export function withDirectives(policy: string, replacements: Record<string, string>): string {
  const directives = new Map<string, string>()
  for (const directive of policy.split(';')) {
    const [name, ...values] = directive.trim().split(/\s+/)
    if (name) directives.set(name, values.join(' '))
  }
  for (const [name, value] of Object.entries(replacements)) directives.set(name, value)
  return [...directives].map(([name, value]) => `${name} ${value}`).join('; ')
}
