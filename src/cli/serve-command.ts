import {
  DEFAULT_PROXY_HOST,
  DEFAULT_PROXY_PORT,
  isLoopbackHost,
  startCacheProxy,
  type CacheProxy,
} from '../main/proxy'
import type { GlobalOptions } from './args'
import type { CliCommand } from './args'
import { CliFailure, EXIT_OK } from './failure'
import { openCore } from './open-core'
import type { Output } from './output'

type ServeCommand = Extract<CliCommand, { name: 'serve' }>

/** Resolves on the first of these: what Ctrl+C, `docker stop` and service managers send. */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const

/**
 * `plex-cache serve`: the caching proxy for other Plex tools, on the saved server and token (or
 * --server/--token, PLEX_URL/PLEX_TOKEN), until Ctrl+C or SIGTERM. Loopback unless --host names
 * another address; the proxy always asks every client for a token its Plex server accepts, so
 * that is allowed, with a warning that other machines can now reach it.
 */
export async function runServe(
  command: ServeCommand,
  options: GlobalOptions,
  output: Output,
  stopped: Promise<unknown> = stopSignal(),
): Promise<number> {
  const host = command.host ?? DEFAULT_PROXY_HOST
  const port = command.port ?? DEFAULT_PROXY_PORT
  const core = await openCore(options, (secret) => output.protect(secret))
  let proxy: CacheProxy | undefined
  try {
    if (core.service.settings.serverUrl === undefined)
      throw new CliFailure(
        'No Plex server to serve: connect the desktop app to your server, or pass --server URL and --token TOKEN (or set PLEX_URL and PLEX_TOKEN).',
      )
    const reachableFromOtherMachines = !isLoopbackHost(host)
    try {
      proxy = await startCacheProxy({
        service: core.service,
        host,
        port,
        allowNonLoopback: reachableFromOtherMachines,
      })
    } catch (error) {
      throw new CliFailure(startFailure(error, host, port))
    }
    if (reachableFromOtherMachines)
      output.err(
        `plex-cache: warning: listening on ${host}, so other machines can reach the cache. ` +
          'Every request needs a Plex token your server accepts, and each token sees only the libraries Plex shows it.',
      )
    if (options.json) output.json({ url: proxy.url })
    else if (isWildcard(host)) {
      // 0.0.0.0 is where it listens, not an address a tool can use.
      const listening = new URL(proxy.url).port
      output.out(
        `Serving the cache to Plex tools on every interface: at http://127.0.0.1:${listening} here, ` +
          `at http://THIS-MACHINE'S-ADDRESS:${listening} from other machines (Ctrl+C stops)`,
      )
    } else output.out(`Serving the cache to Plex tools at ${proxy.url} (Ctrl+C stops)`)
    await stopped
    output.err('plex-cache: stopping')
    return EXIT_OK
  } finally {
    await proxy?.close()
    await core.close()
  }
}

function startFailure(error: unknown, host: string, port: number): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  if (code === 'EADDRINUSE') return `port ${port} is already in use on ${host}; pick another with --port N.`
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
    return `${host} is not an address of this machine; use --host with one of its addresses, or 0.0.0.0 for all.`
  if (code === 'EACCES') return `not allowed to listen on port ${port}; pick one above 1023 with --port N.`
  return `could not start serving: ${error instanceof Error ? error.message : String(error)}`
}

function stopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals): void => {
      for (const name of STOP_SIGNALS) process.off(name, stop)
      resolve(signal)
    }
    for (const name of STOP_SIGNALS) process.once(name, stop)
  })
}

function isWildcard(host: string | undefined): boolean {
  return host === '0.0.0.0' || host === '::' || host === '[::]'
}
