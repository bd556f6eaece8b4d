import type { FetchFunction } from '../plex'
import type { PlexIdentity } from '../plex/headers'
import { authPageUrl } from './auth-url'
import { chooseConnection, probeConnections, type ProbedConnection } from './connection-choice'
import type { PlexTvEndpoints } from './endpoints'
import { PlexTvError } from './errors'
import { waitForPinToken } from './pin-login'
import { PlexTvClient, type PlexTvPin } from './plextv-client'
import type { PlexTvServer } from './resources'

export interface SignInFlowOptions {
  endpoints: PlexTvEndpoints
  identity: PlexIdentity
  fetch: FetchFunction
  /** Between PIN checks; default 1 s. */
  pollIntervalMs?: number
  /** Per connection probe; default 3 s. */
  probeTimeoutMs?: number
}

export interface StartedSignIn {
  pin: PlexTvPin
  /** Where the user approves the code (the system browser opens it). */
  authUrl: string
}

export interface ServerConnectionsChoice {
  server: PlexTvServer
  /** Every connection, in preference order, with whether it answered as this server. */
  connections: ProbedConnection[]
  /** The preferred connection that answered, or undefined when none did. */
  chosen: ProbedConnection | undefined
}

/**
 * Signing in with Plex, step by step, for the window and the CLI alike: a PIN and the page to
 * approve it, waiting for the approval, the account's servers, and every connection of the chosen
 * server tested at once. Keeps no state: whoever drives it holds the PIN and the tokens.
 */
export class SignInFlow {
  readonly client: PlexTvClient

  constructor(private readonly options: SignInFlowOptions) {
    this.client = new PlexTvClient({
      apiUrl: options.endpoints.apiUrl,
      identity: options.identity,
      fetch: options.fetch,
    })
  }

  async start(signal?: AbortSignal): Promise<StartedSignIn> {
    const pin = await this.client.createPin(signal)
    const authUrl = authPageUrl(
      this.options.endpoints.authUrl,
      this.options.identity.clientIdentifier,
      pin.code,
      this.options.identity.product ?? 'Plex Cache',
    )
    return { pin, authUrl }
  }

  /** The account token once the user approved the code; PlexTvError 'pin_expired' or 'cancelled' otherwise. */
  waitForApproval(
    pin: PlexTvPin,
    options: { signal?: AbortSignal; onTick?: (msLeft: number) => void } = {},
  ): Promise<string> {
    return waitForPinToken(this.client, pin, {
      ...options,
      intervalMs: this.options.pollIntervalMs,
    })
  }

  async servers(accountToken: string, signal?: AbortSignal): Promise<PlexTvServer[]> {
    return this.client.servers(accountToken, signal)
  }

  async connections(server: PlexTvServer): Promise<ServerConnectionsChoice> {
    const connections = await probeConnections(server, {
      fetch: this.options.fetch,
      clientIdentifier: this.options.identity.clientIdentifier,
      timeoutMs: this.options.probeTimeoutMs,
    })
    return { server, connections, chosen: chooseConnection(connections) }
  }
}

/** The server a name picks (case-insensitively), or the only one; a PlexTvError saying why not otherwise. */
export function pickServer(servers: readonly PlexTvServer[], name?: string): PlexTvServer {
  if (servers.length === 0) {
    throw new PlexTvError('rejected', 'This Plex account has no Plex Media Server it can use.')
  }
  if (name === undefined) {
    if (servers.length === 1) return servers[0]!
    throw new PlexTvError(
      'rejected',
      `This account has ${servers.length} servers (${servers.map((s) => s.name).join(', ')}); name one.`,
    )
  }
  const wanted = name.trim().toLowerCase()
  const found = servers.find((s) => s.name.toLowerCase() === wanted || s.clientIdentifier === name.trim())
  if (!found) throw new PlexTvError('rejected', `No server named "${name}" on this account.`)
  return found
}
