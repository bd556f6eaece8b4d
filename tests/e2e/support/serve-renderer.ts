// Playwright's webServer: serves out/renderer (made by `npm run build`) on the port in argv[2].
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { startStaticServer } from './static-server'

const rendererDir = join(import.meta.dirname, '..', '..', '..', 'out', 'renderer')
const port = Number(process.argv[2])

if (!Number.isInteger(port) || port <= 0) {
  console.error('usage: serve-renderer.ts <port>')
  process.exit(2)
}
if (!existsSync(join(rendererDir, 'index.html'))) {
  console.error(`${rendererDir}/index.html is missing: run \`npm run build\` first (npm run test:e2e does).`)
  process.exit(1)
}

const server = await startStaticServer(rendererDir, port)
console.log(`serving ${rendererDir} at ${server.url}`)
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void server.close().then(() => process.exit(0)))
}
