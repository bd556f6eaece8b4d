import { connectionProblemOf } from '../../shared/connection-problem'
import type { PlexCache } from '../cache'
import { PlexClient, type FetchFunction, type PlexClientOptions } from '../plex'
import type { ConnectionMonitor } from './connection-monitor'
import { ServiceError, toServiceError } from './errors'
import { workingAlternative } from './failover'
import type { InFlight } from './in-flight'
import type { ServerConnections, ServiceSettings } from '../../shared/service-types'

/** What the service remembers about a server, so it can read that server's cached data while it is down. */
export interface ServerRecord {
  url: string
  machineIdentifier: string
  friendlyName?: string
  version?: string
}

/** Client settings a caller may tune: timeouts, and fast retries in tests. */
export type ClientTuning = Partial<
  Pick<
    PlexClientOptions,
    'timeoutMs' | 'retries' | 'retryBaseDelayMs' | 'sleep' | 'random' | 'maxResponseBytes' | 'listingLimits'
  >
>

export interface ConnectionDeps {
  cache: PlexCache
  fetch: FetchFunction
  clientIdentifier: string
  clientTuning: ClientTuning
  monitor: ConnectionMonitor
  inFlight: InFlight
  /** The signed-in server's other addresses, read when the current one fails (see failover.ts). */
  serverConnections?: () => ServerConnections | undefined
  /** Per failover probe; default 3 s (undefined too, so the service passes its own option on as it is). */
  failoverProbeTimeoutMs?: number | undefined
}

const LAST_SERVER_DOCUMENT = 'server:last'
/** After a fail-over found nothing, how long before the other addresses are probed again. */
const FAILOVER_RETRY_MS = 30_000
/** Server records never expire by age: a machine identifier does not change. */
const SERVER_RECORD_TTL_SECONDS = 365 * 24 * 3600

function serverDocument(url: string): string {
  return `server:url:${url}`
}

/**
 * One configured server (URL and token): its PlexClient, the machine identifier that scopes its cache
 * entries, and every call to it, so failures update the connection status in one place. Replaced
 * whole when the user changes the URL or the token; the old one's requests are aborted.
 */
export class PlexConnection {
  private activeClient: PlexClient | undefined
  private readonly aborter = new AbortController()
  private verified: ServerRecord | undefined
  private readonly token: string
  private failingOver: Promise<boolean> | undefined
  /** When the last fail-over found no other address answering (performance.now()). */
  private noAlternativeAt = -Infinity

  constructor(
    settings: Pick<ServiceSettings, 'serverUrl' | 'token'>,
    private readonly deps: ConnectionDeps,
  ) {
    this.token = settings.token ?? ''
    if (settings.serverUrl && settings.token) {
      try {
        this.activeClient = this.clientFor(settings.serverUrl)
      } catch (error) {
        throw toServiceError(error, [this.token])
      }
    }
  }

  /** The client of the address in use: the configured one, or the alternative failed over to. */
  get client(): PlexClient | undefined {
    return this.activeClient
  }

  get configured(): boolean {
    return this.client !== undefined
  }

  get secrets(): string[] {
    return [this.token]
  }

  get signal(): AbortSignal {
    return this.aborter.signal
  }

  /**
   * Runs one Plex operation; failures come back as ServiceErrors and mark the server offline when
   * fitting. A success marks it online only when the request needed the token: /identity answers
   * without one, even from a server in maintenance or one refusing the token (`confirmsOnline: false`).
   */
  async call<T>(
    work: (client: PlexClient, signal: AbortSignal) => Promise<T>,
    { confirmsOnline = true }: { confirmsOnline?: boolean } = {},
  ): Promise<T> {
    const client = this.client
    if (!client) {
      throw new ServiceError('NOT_CONFIGURED', 'No Plex server is set up yet: add its URL and token first.')
    }
    try {
      return await this.attempt(work, client, confirmsOnline)
    } catch (error) {
      const failure = this.failureOf(error)
      // Another address of the same server may answer: tried once before the server counts as offline.
      if (failure.code === 'UNREACHABLE' && (client !== this.client || (await this.failOver(client)))) {
        try {
          return await this.attempt(work, this.client!, confirmsOnline)
        } catch (retryError) {
          throw this.offlineIfFitting(this.failureOf(retryError))
        }
      }
      throw this.offlineIfFitting(failure)
    }
  }

  private async attempt<T>(
    work: (client: PlexClient, signal: AbortSignal) => Promise<T>,
    client: PlexClient,
    confirmsOnline: boolean,
  ): Promise<T> {
    const result = await work(client, this.aborter.signal)
    if (confirmsOnline && !this.aborter.signal.aborted) this.deps.monitor.online(summary(this.verified))
    return result
  }

  private failureOf(error: unknown): ServiceError {
    if (this.aborter.signal.aborted) {
      return new ServiceError('INTERNAL', 'The Plex request was cancelled because the service is closing.')
    }
    return toServiceError(error, this.secrets)
  }

  private offlineIfFitting(failure: ServiceError): ServiceError {
    if (!this.aborter.signal.aborted && connectionProblemOf(failure.info) !== undefined)
      this.deps.monitor.offline(failure.info)
    return failure
  }

  /**
   * Switches to the first other address of this server that answers as the same machine; false
   * when there is none. Calls failing together share one round of probes.
   */
  private failOver(failed: PlexClient): Promise<boolean> {
    // While every address is down, each read would wait for the probes again: once in a while is enough.
    if (performance.now() - this.noAlternativeAt < FAILOVER_RETRY_MS) return Promise.resolve(false)
    this.failingOver ??= (async () => {
      try {
        const next = await workingAlternative(
          failed.baseUrl,
          this.deps.serverConnections?.(),
          this.knownServer()?.machineIdentifier,
          {
            fetch: this.deps.fetch,
            clientIdentifier: this.deps.clientIdentifier,
            probeTimeoutMs: this.deps.failoverProbeTimeoutMs,
          },
        )
        if (next === undefined) this.noAlternativeAt = performance.now()
        if (next === undefined || this.aborter.signal.aborted || this.client !== failed) return false
        const remembered = this.knownServer()
        this.activeClient = this.clientFor(next)
        if (remembered) this.remember({ ...remembered, url: this.activeClient.baseUrl })
        return true
      } finally {
        this.failingOver = undefined
      }
    })()
    return this.failingOver
  }

  private clientFor(url: string): PlexClient {
    return new PlexClient({
      ...this.deps.clientTuning,
      baseUrl: url,
      token: this.token,
      clientIdentifier: this.deps.clientIdentifier,
      fetch: this.deps.fetch,
    })
  }

  /** The server as last seen, without asking Plex: enough to read (even stale) cached data. */
  knownServer(): ServerRecord | undefined {
    if (this.verified) return this.verified
    const key = this.client ? serverDocument(this.client.baseUrl) : LAST_SERVER_DOCUMENT
    return this.deps.cache.getDocument<ServerRecord>(key, { allowStale: true })?.value
  }

  /** The known server, or (first time only) whatever /identity says. */
  async server(): Promise<ServerRecord> {
    return this.knownServer() ?? this.verifiedServer()
  }

  /**
   * Asks /identity once per connection before fetching, so data is never stored under the wrong
   * server when the URL now points elsewhere. While Plex is down the remembered server stands in.
   */
  async verifiedServer(): Promise<ServerRecord> {
    if (this.verified) return this.verified
    const client = this.client
    const remembered = this.knownServer()
    try {
      const identity = await this.deps.inFlight.run(`identity:${client?.baseUrl ?? ''}`, () =>
        this.call((plex, signal) => plex.identity({ signal }), { confirmsOnline: false }),
      )
      const record: ServerRecord = {
        ...(remembered?.machineIdentifier === identity.machineIdentifier ? remembered : {}),
        // The address that answered: another of the same server's, when the call failed over.
        url: this.client?.baseUrl ?? '',
        machineIdentifier: identity.machineIdentifier,
        ...(identity.version ? { version: identity.version } : {}),
      }
      this.remember(record)
      return record
    } catch (error) {
      const failure = toServiceError(error, this.secrets)
      if (remembered && failure.code === 'UNREACHABLE') return remembered
      throw failure
    }
  }

  /**
   * Stores what a connection test or /identity taught us, for this URL and as the last server used.
   * Which server it is, not whether it serves us: the status changes only with a real answer.
   */
  remember(record: ServerRecord): void {
    if (this.client && record.url === this.client.baseUrl) {
      this.verified = record
      const known = summary(record)
      if (known) this.deps.monitor.knowServer(known)
    }
    this.deps.cache.setDocument(serverDocument(record.url), record, SERVER_RECORD_TTL_SECONDS)
    this.deps.cache.setDocument(LAST_SERVER_DOCUMENT, record, SERVER_RECORD_TTL_SECONDS)
  }

  /** Cancels every request this connection has under way. */
  abort(): void {
    this.aborter.abort()
  }
}

function summary(record: ServerRecord | undefined) {
  if (!record) return undefined
  return {
    friendlyName: record.friendlyName ?? '',
    version: record.version ?? '',
    machineIdentifier: record.machineIdentifier,
  }
}
