import { join } from 'node:path'
import { parseArgs } from 'node:util'

export interface DevWebArgs {
  server?: string
  token?: string
  demo: boolean
  port: number
  dataDir: string
}

export class DevWebUsageError extends Error {}

/**
 * A folder of its own inside the checkout (git-ignored): developing the UI never touches the real
 * app's cache, and the cache survives restarts of the bridge.
 */
export const DEFAULT_DEV_DATA_DIR = join(import.meta.dirname, '..', '..', '.tmp', 'dev-web')

export const DEV_WEB_USAGE = `Usage: npm run dev:web -- [--server URL --token TOKEN | --demo] [--port N] [--data-dir DIR]

Serves the built renderer with the real core behind it, on 127.0.0.1 only, so the UI can be used
and developed in a browser.

  --server URL     Connect to this Plex server (default: $PLEX_URL)
  --token TOKEN    Its Plex token (default: $PLEX_TOKEN); kept only while the bridge runs
  --demo           Start the bundled demo server and connect to it
  --port N         Port to listen on (default: any free port)
  --data-dir DIR   Settings and cache (default: ${DEFAULT_DEV_DATA_DIR})

With neither --server nor --demo, the window offers onboarding (or reuses the saved server).`

export function parseDevWebArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): DevWebArgs | 'help' {
  let values
  try {
    ;({ values } = parseArgs({
      args: argv,
      options: {
        server: { type: 'string' },
        token: { type: 'string' },
        demo: { type: 'boolean' },
        port: { type: 'string' },
        'data-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }))
  } catch (error) {
    throw new DevWebUsageError((error as Error).message)
  }
  if (values.help) return 'help'
  const server = values.server ?? env.PLEX_URL
  const token = values.token ?? env.PLEX_TOKEN
  const demo = values.demo ?? false
  if (demo && values.server !== undefined)
    throw new DevWebUsageError('Use either --server or --demo, not both.')
  if (!demo && server !== undefined && !token)
    throw new DevWebUsageError('--server needs --token (or $PLEX_TOKEN).')
  const port = values.port === undefined ? 0 : Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new DevWebUsageError('--port must be 0-65535.')
  return {
    ...(demo ? {} : { server, token }),
    demo,
    port,
    dataDir: values['data-dir'] ?? DEFAULT_DEV_DATA_DIR,
  }
}
