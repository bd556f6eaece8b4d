import { resolve } from 'node:path'
import { builtinModules } from 'node:module'
import { defineConfig } from 'vite'

/**
 * The `plex-cache` command as one self-contained CommonJS file, out/cli/index.cjs. Scripts run it
 * once per file, so start-up time is part of the product: one bundle to read, no TypeScript to
 * compile, zod and our code inlined. CommonJS because the installed app runs it under its own
 * binary in Node mode, from inside app.asar, where require() is the well-trodden path.
 * better-sqlite3 stays external: its native binary is loaded from node_modules (app.asar.unpacked).
 * undici stays external too: it is loaded only when a trusted certificate applies (pinned-fetch.ts),
 * and inlined it would triple the file every start-up has to read.
 */
const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)]

export default defineConfig({
  // Nothing from the renderer's public/ folder or an .env file belongs in the CLI.
  publicDir: false,
  envDir: false,
  build: {
    ssr: resolve(import.meta.dirname, 'src/cli/index.ts'),
    outDir: resolve(import.meta.dirname, 'out/cli'),
    emptyOutDir: true,
    target: 'node22',
    minify: false,
    sourcemap: false,
    reportCompressedSize: false,
    rolldownOptions: {
      external: ['better-sqlite3', 'undici', ...nodeBuiltins],
      output: { format: 'cjs', entryFileNames: 'index.cjs', codeSplitting: false },
    },
  },
  ssr: { noExternal: true, external: ['better-sqlite3', 'undici'] },
})
