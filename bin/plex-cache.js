#!/usr/bin/env node
// The `plex-cache` bin: runs the TypeScript CLI through tsx, so no build step is needed after `npm ci`.
// Paths are resolved from this file, never from the working directory, so it works from anywhere.
import { fileURLToPath } from 'node:url'
import { register } from 'tsx/esm/api'

register({ tsconfig: fileURLToPath(new URL('../tsconfig.node.json', import.meta.url)) })
await import('../src/cli/index.ts')
