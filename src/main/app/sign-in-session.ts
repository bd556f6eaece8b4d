import type { SignInConnection, SignInServer, SignInState } from '../../shared/sign-in-types'
import { PlexTvError, type PlexTvServer, type ProbedConnection, type SignInFlow } from '../plextv'
import { ServiceError } from '../service'

export interface SignInSessionDeps {
  flow: () => SignInFlow
  /** Opens the system browser (only at the sign-in page's origin); false when it could not. */
  openAuthPage: (url: string) => boolean
  emit: (state: SignInState) => void
  /** Saves the server, its connection and its token (and keeps the account token, when kept at all). */
  save: (server: PlexTvServer, connection: ProbedConnection, accountToken: string) => Promise<void>
}

/**
 * One sign-in with Plex at a time, for the window: the PIN is polled in the background and every
 * step is announced as a `signIn` event. The account token and the servers' tokens stay in here,
 * in the main process, until a connection is saved or the session is cancelled.
 */
export class SignInSession {
  private state: SignInState = { step: 'idle' }
  private aborter: AbortController | undefined
  private accountToken: string | undefined
  private servers: PlexTvServer[] = []
  private tested = new Map<string, ProbedConnection[]>()

  constructor(private readonly deps: SignInSessionDeps) {}

  current(): SignInState {
    return this.state
  }

  async start(): Promise<SignInState> {
    this.reset()
    const aborter = new AbortController()
    this.aborter = aborter
    const flow = this.deps.flow()
    const started = await flow.start(aborter.signal).catch((error: unknown) => {
      throw serviceErrorOf(error)
    })
    if (aborter.signal.aborted) return this.state
    const browserOpened = this.deps.openAuthPage(started.authUrl)
    this.set({
      step: 'waiting',
      code: started.pin.code,
      authUrl: started.authUrl,
      expiresAt: started.pin.expiresAt,
      browserOpened,
    })
    void this.waitForApproval(flow, started.pin, aborter)
    return this.state
  }

  cancel(): SignInState {
    if (this.aborter && this.state.step !== 'done') {
      this.reset()
      this.set({ step: 'failed', reason: 'cancelled', message: 'Signing in was cancelled.' })
    }
    return this.state
  }

  async chooseServer(clientIdentifier: string): Promise<SignInState> {
    const server = this.serverNamed(clientIdentifier)
    const aborter = this.aborter!
    await this.test(this.deps.flow(), server, aborter)
    return this.state
  }

  async useConnection(clientIdentifier: string, uri: string): Promise<void> {
    const server = this.serverNamed(clientIdentifier)
    const connection = this.tested.get(clientIdentifier)?.find((each) => each.uri === uri)
    // Only an address plex.tv listed for this very server may receive its token.
    if (!connection) {
      throw new ServiceError('INVALID_ARGUMENT', 'That address is not one of this server’s connections.')
    }
    if (!connection.reachable) {
      throw new ServiceError('UNREACHABLE', `${uri} did not answer as ${server.name}; pick one that did.`)
    }
    await this.deps.save(server, connection, this.accountToken!)
    this.reset()
    this.set({ step: 'done', serverName: server.name, url: connection.uri })
  }

  /** Forgets everything; the PIN poll stops. */
  close(): void {
    this.reset()
  }

  private async waitForApproval(
    flow: SignInFlow,
    pin: Parameters<SignInFlow['waitForApproval']>[0],
    aborter: AbortController,
  ) {
    try {
      const accountToken = await flow.waitForApproval(pin, { signal: aborter.signal })
      this.accountToken = accountToken
      const servers = await flow.servers(accountToken, aborter.signal)
      if (aborter.signal.aborted) return
      this.servers = servers
      if (servers.length === 0) {
        this.fail(
          aborter,
          new PlexTvError('rejected', 'This Plex account has no Plex Media Server it can use.'),
        )
      } else if (servers.length === 1) {
        await this.test(flow, servers[0]!, aborter)
      } else {
        this.set({ step: 'servers', servers: servers.map(serverSummary) })
      }
    } catch (error) {
      this.fail(aborter, error)
    }
  }

  private async test(flow: SignInFlow, server: PlexTvServer, aborter: AbortController): Promise<void> {
    this.set({ step: 'testing', server: serverSummary(server) })
    const { connections, chosen } = await flow.connections(server)
    if (aborter.signal.aborted) return
    this.tested.set(server.clientIdentifier, connections)
    this.set({
      step: 'connections',
      server: serverSummary(server),
      connections: connections.map(connectionSummary),
      chosen: chosen?.uri ?? null,
      canGoBack: this.servers.length > 1,
    })
  }

  private serverNamed(clientIdentifier: string): PlexTvServer {
    const server =
      this.accountToken === undefined
        ? undefined
        : this.servers.find((each) => each.clientIdentifier === clientIdentifier)
    if (!server)
      throw new ServiceError(
        'INVALID_ARGUMENT',
        'Sign in with Plex first, then pick one of the listed servers.',
      )
    return server
  }

  private fail(aborter: AbortController, error: unknown): void {
    if (aborter.signal.aborted || aborter !== this.aborter) return
    const expired = error instanceof PlexTvError && error.code === 'pin_expired'
    this.set({
      step: 'failed',
      reason: expired ? 'expired' : 'error',
      message: serviceErrorOf(error).message,
    })
    this.reset()
  }

  private reset(): void {
    this.aborter?.abort()
    this.aborter = undefined
    this.accountToken = undefined
    this.servers = []
    this.tested = new Map()
  }

  private set(state: SignInState): void {
    this.state = state
    this.deps.emit(state)
  }
}

function serverSummary(server: PlexTvServer): SignInServer {
  return {
    name: server.name,
    clientIdentifier: server.clientIdentifier,
    owned: server.owned,
    connectionCount: server.connections.length,
  }
}

function connectionSummary(connection: ProbedConnection): SignInConnection {
  return {
    uri: connection.uri,
    protocol: connection.protocol,
    local: connection.local,
    relay: connection.relay,
    reachable: connection.reachable,
    latencyMs: connection.latencyMs,
    problem: connection.problem,
  }
}

/** plex.tv's failures as the contract's codes: an expired code or refused sign-in is AUTH, the rest UNREACHABLE or PROTOCOL. */
export function serviceErrorOf(error: unknown): ServiceError {
  if (error instanceof ServiceError) return error
  if (!(error instanceof PlexTvError))
    return new ServiceError('INTERNAL', (error as Error)?.message ?? String(error))
  const code =
    error.code === 'unavailable'
      ? 'UNREACHABLE'
      : error.code === 'protocol'
        ? 'PROTOCOL'
        : error.code === 'cancelled'
          ? 'INTERNAL'
          : 'AUTH'
  return new ServiceError(code, error.message, { cause: error })
}
