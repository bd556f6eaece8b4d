import type { PlexCache } from '../cache'
import { PlexClient, type FetchFunction, type PlexClientOptions } from '../plex'
import type { ConnectionMonitor } from './connection-monitor'
import { ServiceError, toServiceError } from './errors'
import type { InFlight } from './in-flight'
import type { ServiceSettings } from './types'

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
    'timeoutMs' | 'retries' | 'retryBaseDelayMs' | 'sleep' | 'random' | 'maxResponseBytes'
  >
>

export interface ConnectionDeps {
  cache: PlexCache
  fetch: FetchFunction
  clientIdentifier: string
  clientTuning: ClientTuning
  monitor: ConnectionMonitor
  inFlight: InFlight
}

const LAST_SERVER_DOCUMENT = 'server:last'
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
  readonly client: PlexClient | undefined
  private readonly aborter = new AbortController()
  private verified: ServerRecord | undefined
  private readonly token: string

  constructor(
    settings: Pick<ServiceSettings, 'serverUrl' | 'token'>,
    private readonly deps: ConnectionDeps,
  ) {
    this.token = settings.token ?? ''
    if (settings.serverUrl && settings.token) {
      try {
        this.client = new PlexClient({
          ...deps.clientTuning,
          baseUrl: settings.serverUrl,
          token: settings.token,
          clientIdentifier: deps.clientIdentifier,
          fetch: deps.fetch,
        })
      } catch (error) {
        throw toServiceError(error, [this.token])
      }
    }
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

  /** Runs one Plex operation; failures come back as ServiceErrors and mark the server offline when fitting. */
  async call<T>(work: (client: PlexClient, signal: AbortSignal) => Promise<T>): Promise<T> {
    const client = this.client
    if (!client) {
      throw new ServiceError('NOT_CONFIGURED', 'No Plex server is set up yet: add its URL and token first.')
    }
    try {
      const result = await work(client, this.aborter.signal)
      if (!this.aborter.signal.aborted) this.deps.monitor.online(summary(this.verified))
      return result
    } catch (error) {
      if (this.aborter.signal.aborted) {
        throw new ServiceError('INTERNAL', 'The Plex request was cancelled because the service is closing.')
      }
      const failure = toServiceError(error, this.secrets)
      if (failure.code === 'UNREACHABLE' || failure.code === 'AUTH') this.deps.monitor.offline(failure.info)
      throw failure
    }
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
        this.call((plex, signal) => plex.identity({ signal })),
      )
      const record: ServerRecord = {
        ...(remembered?.machineIdentifier === identity.machineIdentifier ? remembered : {}),
        url: client?.baseUrl ?? '',
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

  /** Stores what a connection test or /identity taught us, for this URL and as the last server used. */
  remember(record: ServerRecord): void {
    if (this.client && record.url === this.client.baseUrl) {
      this.verified = record
      this.deps.monitor.online(summary(record))
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
