import { randomBytes } from 'node:crypto'
import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'

// Absolute paths: Vite resolves some relative options against the renderer root, others against the cwd.
const fromProjectRoot = (path: string) => resolve(import.meta.dirname, path)

export default defineConfig({
  main: {
    build: {
      // Runtime dependencies load from node_modules; better-sqlite3 in particular ships a native
      // binary that cannot be bundled. electron is provided by the runtime itself.
      externalizeDeps: { include: ['electron', 'better-sqlite3'] },
      rolldownOptions: { input: { index: fromProjectRoot('src/main/index.ts') } },
    },
  },
  preload: {
    build: {
      // A sandboxed preload is not an ES module and may require() nothing but `electron`,
      // so it is emitted as one self-contained CommonJS file: out/preload/index.cjs.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: fromProjectRoot('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: fromProjectRoot('src/renderer'),
    plugins: [react(), devServerContentSecurityPolicy()],
    build: {
      outDir: fromProjectRoot('out/renderer'),
      rolldownOptions: { input: { index: fromProjectRoot('src/renderer/index.html') } },
    },
  },
})

/**
 * index.html carries the production policy. The dev server needs three exceptions, applied only
 * while serving: React Refresh's inline preamble and Vite's injected <style> tags (allowed by a
 * per-session nonce, which Vite stamps on the tags it writes) and the HMR websocket back to the
 * dev server ('self' covers same-origin ws: in CSP 3).
 */
function devServerContentSecurityPolicy(): Plugin {
  const nonce = randomBytes(16).toString('base64')
  const devDirectives = {
    'script-src': `'self' 'nonce-${nonce}'`,
    'style-src': `'self' 'nonce-${nonce}'`,
    'connect-src': `'self'`,
  }
  const cspMeta = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)(")/
  return {
    name: 'plex-cache:dev-server-csp',
    apply: 'serve',
    config: () => ({ html: { cspNonce: nonce } }),
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        if (!cspMeta.test(html)) {
          throw new Error('index.html must declare its Content-Security-Policy meta tag')
        }
        return html.replace(cspMeta, (_match, start: string, policy: string, end: string) => {
          return start + withDirectives(policy, devDirectives) + end
        })
      },
    },
  }
}

function withDirectives(policy: string, replacements: Record<string, string>): string {
  const directives = new Map<string, string>()
  for (const directive of policy.split(';')) {
    const [name, ...values] = directive.trim().split(/\s+/)
    if (name) directives.set(name, values.join(' '))
  }
  for (const [name, value] of Object.entries(replacements)) directives.set(name, value)
  return [...directives].map(([name, value]) => `${name} ${value}`).join('; ')
}
