// index.html carries the production Content-Security-Policy. The Vite dev server and the browser
// bridge each serve a copy with a directive or two loosened; both rewrite the policy here, so the
// file on disk is never changed and the two rewrites cannot drift apart.

const cspMeta = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)(")/

/** The page with the named directives of its policy replaced; throws if the page declares none. */
export function withPolicyDirectives(html: string, replacements: Record<string, string>): string {
  if (!cspMeta.test(html)) throw new Error('index.html must declare its Content-Security-Policy meta tag')
  return html.replace(cspMeta, (_match, start: string, policy: string, end: string) => {
    return start + withDirectives(policy, replacements) + end
  })
}

/** Replaces whole directives, keeping the rest of the policy and its order. */
function withDirectives(policy: string, replacements: Record<string, string>): string {
  const directives = new Map<string, string>()
  for (const directive of policy.split(';')) {
    const [name, ...values] = directive.trim().split(/\s+/)
    if (name) directives.set(name, values.join(' '))
  }
  for (const [name, value] of Object.entries(replacements)) directives.set(name, value)
  return [...directives].map(([name, value]) => `${name} ${value}`).join('; ')
}
