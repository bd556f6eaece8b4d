import type { ProbedConnection } from '../main/plextv'
import type { GlobalOptions } from './args'
import { CliFailure, EXIT_OK } from './failure'
import type { Output } from './output'
import { openPlexAccount, plexTvStep } from './plex-account'

/**
 * `plex-cache servers [--json]`: the signed-in account's servers, each connection tested at once
 * (local, remote or relay; https or http; reachable or not, and how fast), and the one in use.
 * Never a token.
 */
export async function runServers(
  options: GlobalOptions,
  output: Output,
  env: NodeJS.ProcessEnv,
): Promise<number> {
  const account = await openPlexAccount(options.dataDir, env, output)
  const accountToken = await account.accountTokens.read()
  if (accountToken === null) throw new CliFailure('not signed in with Plex; run plex-cache login first.')
  output.protect(accountToken)
  const servers = await plexTvStep(() => account.flow.servers(accountToken))
  for (const server of servers) output.protect(server.accessToken)
  const inUse = account.store.plexServer
  const currentUrl = account.store.publicSettings().serverUrl
  const listed = await Promise.all(
    servers.map(async (server) => {
      const { connections } = await account.flow.connections(server)
      const chosen = inUse?.machineIdentifier === server.clientIdentifier
      return {
        name: server.name,
        clientIdentifier: server.clientIdentifier,
        owned: server.owned,
        chosen,
        connections: connections.map((connection) => ({
          ...connectionJson(connection),
          chosen: chosen && connection.uri === currentUrl,
        })),
      }
    }),
  )
  if (options.json) {
    output.json(listed)
    return EXIT_OK
  }
  if (listed.length === 0) output.out('This Plex account has no Plex Media Server.')
  for (const server of listed) {
    output.out(`${server.name}${server.owned ? '' : ' (shared with you)'}${server.chosen ? ' (in use)' : ''}`)
    for (const connection of server.connections) output.out(connectionLine(connection, connection.chosen))
  }
  return EXIT_OK
}

function connectionJson(connection: ProbedConnection) {
  return {
    uri: connection.uri,
    protocol: connection.protocol,
    kind: connection.relay ? 'relay' : connection.local ? 'local' : 'remote',
    local: connection.local,
    relay: connection.relay,
    reachable: connection.reachable,
    latencyMs: connection.latencyMs,
    problem: connection.problem,
  }
}

/** One aligned line per connection; `*` marks the one in use. */
export function connectionLine(
  connection: ProbedConnection | ReturnType<typeof connectionJson>,
  inUse: boolean,
): string {
  const kind = connection.relay ? 'relay' : connection.local ? 'local' : 'remote'
  const state = connection.reachable
    ? `reachable, ${connection.latencyMs ?? '?'} ms`
    : `unreachable${connection.problem ? `: ${connection.problem}` : ''}`
  return `  ${inUse ? '*' : ' '} ${connection.uri.padEnd(40)} ${kind.padEnd(6)} ${connection.protocol.padEnd(5)} ${state}`
}
