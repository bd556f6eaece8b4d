// `npm run dev:web`: the renderer in a browser, backed by the real core through the web bridge.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Envelope } from '../shared/contract'
import { DEV_WEB_USAGE, DevWebUsageError, parseDevWebArgs, type DevWebArgs } from './cli-args'
import { BUILT_RENDERER_DIR, startWebBridge, type WebBridge } from './start-web-bridge'

async function main(): Promise<number> {
  let args: DevWebArgs | 'help'
  try {
    args = parseDevWebArgs(process.argv.slice(2))
  } catch (error) {
    if (!(error instanceof DevWebUsageError)) throw error
    console.error(`dev:web: ${error.message}\n\n${DEV_WEB_USAGE}`)
    return 2
  }
  if (args === 'help') {
    console.log(DEV_WEB_USAGE)
    return 0
  }
  if (!existsSync(join(BUILT_RENDERER_DIR, 'index.html'))) {
    console.error(
      `dev:web: ${BUILT_RENDERER_DIR} has no build; run \`npm run build\` first (npm run dev:web does).`,
    )
    return 1
  }

  const bridge = await startWebBridge({ dataDir: args.dataDir, port: args.port })
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void bridge.close().then(() => process.exit(0)))
  }
  if (!(await connect(bridge, args))) {
    await bridge.close()
    return 1
  }
  console.log(`Plex Cache (browser bridge) — data in ${args.dataDir}`)
  console.log(`Open ${bridge.url} in a browser. Ctrl+C stops it.`)
  return -1
}

/** Goes through the handler table, like the window would: the same validation and the same errors. */
async function connect(bridge: WebBridge, args: DevWebArgs): Promise<boolean> {
  if (args.demo) return report('demo server', await bridge.handlers.useDemoServer(undefined))
  if (args.server === undefined || args.token === undefined) return true
  const tested = await bridge.handlers.testConnection({ url: args.server, token: args.token })
  if (!report(args.server, tested)) return false
  return report(args.server, await bridge.handlers.setSettings({ serverUrl: args.server, token: args.token }))
}

function report(what: string, envelope: Envelope<unknown>): boolean {
  if (!envelope.ok) console.error(`dev:web: could not connect to ${what}: ${envelope.error.message}`)
  return envelope.ok
}

// -1: keep serving until a signal arrives.
const code = await main()
if (code >= 0) process.exit(code)
