import { rankConnections, pickServer, type PlexTvServer, type ProbedConnection } from '../main/plextv'
import { savedPlexServer } from '../main/app/sign-in-wiring'
import { PlexClient } from '../main/plex'
import { persistentClientIdentifier } from '../main/client-id'
import type { CliCommand, GlobalOptions } from './args'
import { CliFailure, EXIT_OK } from './failure'
import type { Output } from './output'
import { minutesAndSeconds, openPlexAccount, plexTvStep, type PlexAccountContext } from './plex-account'
import { connectionLine } from './servers-command'

type LoginCommand = Extract<CliCommand, { name: 'login' }>

/**
 * `plex-cache login`: prints Plex's sign-in page and the code, waits for the approval (a countdown
 * on stderr; Ctrl+C cancels), then picks the server (--server-name, or the only one) and its best
 * connection (or --connection), and saves them where the app keeps its own: the URL in
 * settings.json, the server's token and the account's in the shared token store.
 */
export async function runLogin(
  command: LoginCommand,
  options: GlobalOptions,
  output: Output,
  env: NodeJS.ProcessEnv,
): Promise<number> {
  const account = await openPlexAccount(options.dataDir, env, output)
  const accountToken = await approvedAccountToken(account, command, output)
  output.protect(accountToken)
  const servers = await plexTvStep(() => account.flow.servers(accountToken))
  for (const server of servers) output.protect(server.accessToken)
  // Kept before a server is picked, so `servers` and `login --server-name` work without a new code.
  await account.accountTokens.write(accountToken)
  if (servers.length > 1 && command.serverName === undefined) {
    output.err(`plex-cache: this Plex account has ${servers.length} servers:`)
    for (const server of servers) output.err(`  ${server.name}`)
    throw new CliFailure('pick one with plex-cache login --server-name NAME (no new code is needed).')
  }
  const server = await plexTvStep(async () => pickServer(servers, command.serverName))
  const { connections, chosen } = await account.flow.connections(server)
  const connection = connectionToUse(connections, chosen, command.connection, server)
  await checkServerToken(server, connection, options.dataDir)
  await account.store.commit(
    await account.store.prepareSignIn(connection.uri, server.accessToken, savedPlexServer(server)),
  )
  if (options.json) {
    output.json({ server: server.name, url: connection.uri, connections })
    return EXIT_OK
  }
  output.out(`Signed in. Using ${server.name} at ${connection.uri}.`)
  for (const each of rankConnections(connections))
    output.out(connectionLine(each, each.uri === connection.uri))
  output.out('Other connections are tried when this one stops answering. Change it with --connection URI.')
  return EXIT_OK
}

/**
 * The account token kept by an earlier login when it still works and a server is being picked;
 * otherwise a new code approved in the browser.
 */
async function approvedAccountToken(
  account: PlexAccountContext,
  command: LoginCommand,
  output: Output,
): Promise<string> {
  if (command.serverName !== undefined || command.connection !== undefined) {
    const kept = await account.accountTokens.read().catch(() => null)
    if (kept !== null) {
      output.protect(kept)
      const valid = await account.flow.client.checkToken(kept).then(
        () => true,
        () => false,
      )
      if (valid) return kept
    }
  }
  const started = await plexTvStep(() => account.flow.start())
  output.out(`Open this page to sign in with Plex: ${started.authUrl}`)
  output.out(`Code: ${started.pin.code}`)
  const aborter = new AbortController()
  const cancel = () => aborter.abort()
  process.once('SIGINT', cancel)
  let minutesShown = -1
  try {
    return await plexTvStep(() =>
      account.flow.waitForApproval(started.pin, {
        signal: aborter.signal,
        onTick: (msLeft) => {
          const line = `Waiting for approval: the code expires in ${minutesAndSeconds(msLeft)} (Ctrl+C cancels)`
          // Redrawn in place on a terminal; a log gets a line a minute.
          const minutes = Math.ceil(msLeft / 60_000)
          if (output.stderrIsTTY) output.errRaw(`\r\x1b[2K${line}`)
          else if (minutes !== minutesShown) output.err(line)
          minutesShown = minutes
        },
      }),
    )
  } finally {
    process.off('SIGINT', cancel)
    if (output.stderrIsTTY) output.errRaw('\r\x1b[2K')
  }
}

function connectionToUse(
  connections: ProbedConnection[],
  chosen: ProbedConnection | undefined,
  wanted: string | undefined,
  server: PlexTvServer,
): ProbedConnection {
  if (wanted !== undefined) {
    const match = connections.find((each) => each.uri === wanted.trim().replace(/\/+$/, ''))
    if (!match)
      throw new CliFailure(`${wanted} is not one of ${server.name}'s connections; see plex-cache servers.`)
    if (!match.reachable)
      throw new CliFailure(`${wanted} did not answer as ${server.name} (${match.problem ?? 'unreachable'}).`)
    return match
  }
  if (!chosen) {
    throw new CliFailure(
      `none of ${server.name}'s ${connections.length} connections answered; is the server running? See plex-cache servers.`,
    )
  }
  return chosen
}

/** The server's own token, tried on the chosen address before it is saved. */
async function checkServerToken(
  server: PlexTvServer,
  connection: ProbedConnection,
  dataDir: string,
): Promise<void> {
  const client = new PlexClient({
    baseUrl: connection.uri,
    token: server.accessToken,
    clientIdentifier: persistentClientIdentifier(dataDir),
    fetch: globalThis.fetch,
    retries: 1,
  })
  try {
    await client.testConnection()
  } catch (error) {
    throw new CliFailure(
      `${server.name} at ${connection.uri} refused the sign-in: ${(error as Error).message}`,
    )
  }
}

/** `plex-cache logout`: the server token and the account token are forgotten; the cache stays. */
export async function runLogout(
  options: GlobalOptions,
  output: Output,
  env: NodeJS.ProcessEnv,
): Promise<number> {
  const account = await openPlexAccount(options.dataDir, env, output)
  account.store.commit(account.store.prepareSignOut())
  await account.accountTokens.remove()
  if (options.json) output.json({ signedOut: true })
  else output.out('Signed out: the Plex tokens are forgotten. The cache and the server address stay.')
  return EXIT_OK
}
