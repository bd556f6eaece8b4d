import { randomBytes } from 'node:crypto'
import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'
import { withPolicyDirectives } from './src/shared/content-security-policy'

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
  return {
    name: 'plex-cache:dev-server-csp',
    apply: 'serve',
    config: () => ({ html: { cspNonce: nonce } }),
    transformIndexHtml: {
      order: 'pre',
      handler: (html) => withPolicyDirectives(html, devDirectives),
    },
  }
}
