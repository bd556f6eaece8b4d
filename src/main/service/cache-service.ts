import { consumerName, type PlexCache } from '../cache'
import { PlexClient, type FetchFunction } from '../plex'
import { countEntryStates, listCacheEntries } from './cache-entries'
import { libraryCacheKey } from './cache-keys'
import { ConnectionMonitor } from './connection-monitor'
import { ServiceCounters } from './counters'
import { ServiceError, toServiceError } from './errors'
import { ServiceEvents, type ServiceListener } from './events'
import { FileLookup } from './file-lookup'
import { InFlight } from './in-flight'
import { KeepWarm } from './keep-warm'
import { LibraryLoader } from './library-loader'
import { LibraryReads } from './library-reads'
import { ProxySupport } from './proxy-support'
import { listLibraryRows } from './library-rows'
import { PlexConnection, type ClientTuning } from './plex-connection'
import { Refreshes } from './refreshes'
import { SectionDirectory } from './section-directory'
import type { ServiceContext } from './service-context'
import { applySettings } from './settings'
import { serviceStats, statsHistory } from './stats-view'
import type {
  CacheEntryRow,
  ConnectionStatus,
  ConnectionTestResult,
  FileMatchRow,
  ItemsResult,
  LibraryRow,
  ReadConsumer,
  RefreshOutcome,
  SearchResult,
  ServiceSettings,
  ServiceStats,
  StatsBucket,
} from '../../shared/service-types'
import type { ArgsOf, ResultOf } from '../../shared/contract'
import { DEFAULT_UPKEEP, Upkeep, type UpkeepOptions } from './upkeep'
import { silentLogger, type Logger } from '../log'
import type { RecentRead } from '../../shared/recent-reads'

export interface CacheServiceDeps {
  cache: PlexCache
  /** Global fetch under Node, Electron's net.fetch in the app; every call is counted as a Plex request. */
  fetch: FetchFunction
  clock?: () => number
  settings: ServiceSettings
  clientIdentifier: string
  clientTuning?: ClientTuning
  upkeep?: Partial<UpkeepOptions>
  /** How long each of the signed-in server's other addresses gets to answer when failing over (default 3 s). */
  failoverProbeTimeoutMs?: number
  /** Where refreshes and revalidations are logged (the app's file, already redacted); default: nowhere. */
  logger?: Logger
}

/**
 * The use cases the tray, the window (over IPC) and the CLI share. Every method reports failure as
 * a ServiceError (async ones by rejecting), never with the token in its message. A method named
 * after a contract operation takes that operation's argument object and gives its result, so the
 * app controller's table only routes; the reads take who they are for as a second argument.
 */
export class CacheService {
  /** What the caching proxy needs beyond the reads every consumer makes. */
  readonly forProxy: ProxySupport
  private readonly ctx: ServiceContext
  private readonly reads: LibraryReads
  private readonly fileLookup: FileLookup
  private readonly refreshes: Refreshes
  private readonly upkeep: Upkeep
  private readonly countingFetch: FetchFunction
  private current: PlexConnection
  private currentSettings: ServiceSettings
  private closed = false

  constructor(private readonly deps: CacheServiceDeps) {
    const { cache } = deps
    const events = new ServiceEvents()
    const counters = new ServiceCounters(() => cache)
    const inFlight = new InFlight(() => counters.add('coalescedRequests', 1))
    const monitor = new ConnectionMonitor(events, Boolean(deps.settings.serverUrl && deps.settings.token))
    this.countingFetch = (url, init) => {
      counters.add('plexRequests', 1)
      return deps.fetch(url, init)
    }
    this.currentSettings = { ...deps.settings }
    this.current = this.connect(this.currentSettings, monitor, inFlight)
    const connection = () => this.current
    const settings = () => this.currentSettings
    const clock = deps.clock ?? Date.now
    const directory = new SectionDirectory({ cache, connection, inFlight, events })
    const loader = new LibraryLoader({
      cache,
      clock,
      connection,
      directory,
      inFlight,
      counters,
      events,
      settings,
      log: deps.logger ?? silentLogger,
    })
    this.ctx = { cache, clock, events, counters, inFlight, monitor, directory, loader, connection, settings }
    this.reads = new LibraryReads(this.ctx)
    this.forProxy = new ProxySupport({
      ...this.ctx,
      guards: { guard: (work) => this.guard(work), guardSync: (work) => this.guardSync(work) },
    })
    this.fileLookup = new FileLookup(this.ctx)
    this.refreshes = new Refreshes(this.ctx)
    const upkeep = { ...DEFAULT_UPKEEP, ...deps.upkeep }
    this.upkeep = new Upkeep(upkeep, this.upkeepTasks(upkeep))
    this.upkeep.start()
  }

  /** Friendly name, version, machine id and library count of a server; the settings stay as they are. */
  testConnection({ url, token }: ArgsOf<'testConnection'>): Promise<ConnectionTestResult> {
    return this.guard(async () => {
      try {
        const client = new PlexClient({
          ...this.deps.clientTuning,
          baseUrl: url,
          token,
          clientIdentifier: this.deps.clientIdentifier,
          fetch: this.countingFetch,
        })
        const info = await client.testConnection()
        this.current.remember({
          url: client.baseUrl,
          machineIdentifier: info.machineIdentifier,
          friendlyName: info.friendlyName || undefined,
          version: info.version || undefined,
        })
        return {
          friendlyName: info.friendlyName ?? '',
          version: info.version ?? '',
          machineIdentifier: info.machineIdentifier,
          libraryCount: info.sections.length,
        }
      } catch (error) {
        throw toServiceError(error, [token])
      }
    })
  }

  listLibraries(): Promise<LibraryRow[]> {
    return this.guard(() => listLibraryRows(this.ctx))
  }

  /** Reads name their consumer (see README "Statistics"); one that does not is counted as 'unnamed'. */
  getLibraryItems(
    { library, ...query }: ArgsOf<'getLibraryItems'>,
    by: ReadConsumer = {},
  ): Promise<ItemsResult> {
    return this.guard(() =>
      this.reads.items(library, query, consumerName(by.consumer), by.continuation === true),
    )
  }

  search({ library, title }: ArgsOf<'search'>, by: ReadConsumer = {}): Promise<SearchResult> {
    return this.guard(() => this.reads.search(library, title, consumerName(by.consumer)))
  }

  /** Answered from the cache; Plex is asked only to revalidate expired libraries, and stale copies answer while it is down. */
  findByFile({ nameOrPath }: ArgsOf<'findByFile'>, by: ReadConsumer = {}): Promise<FileMatchRow[]> {
    return this.guard(() => this.fileLookup.find(nameOrPath, consumerName(by.consumer)))
  }

  refreshLibrary({ library, force }: ArgsOf<'refreshLibrary'>): Promise<RefreshOutcome> {
    return this.guard(() => this.refreshes.one(library, force ?? false))
  }

  refreshAll(args: ArgsOf<'refreshAll'> = {}): Promise<RefreshOutcome[]> {
    return this.guard(() => this.refreshes.all(args.force ?? false))
  }

  /**
   * The user's Cancel: a "Refresh all" under way starts no further library, and every library
   * fetch under way is aborted with its cached copy kept. False when nothing was running.
   */
  cancelRefresh(): ResultOf<'cancelRefresh'> {
    return { cancelled: this.guardSync(() => this.refreshes.cancel()) }
  }

  /** Empties the whole cache (every server); statistics stay. */
  clear(): ResultOf<'clear'> {
    this.guardSync(() => this.ctx.cache.clear())
    this.ctx.events.emit({ type: 'changed' })
    return null
  }

  /** Removes one library's listing and its searches, and says how many entries went. */
  clearLibrary({ library }: ArgsOf<'clearLibrary'>): Promise<ResultOf<'clearLibrary'>> {
    return this.guard(async () => {
      const server = await this.current.server()
      const { section } = await this.ctx.directory.resolve(server, library)
      const removed = this.ctx.cache.clearLibrary(libraryCacheKey(server.machineIdentifier, section.key))
      this.ctx.events.emit({ type: 'changed', library: section.key })
      return { removed }
    })
  }

  /** Every live entry of the current server, for the inspector. */
  listEntries(): Promise<CacheEntryRow[]> {
    return this.guard(async () => listCacheEntries(this.ctx))
  }

  /** Removes one cached search; `removed` is false when it was not cached. */
  deleteSearch({ library, title }: ArgsOf<'deleteSearch'>): Promise<ResultOf<'deleteSearch'>> {
    return this.guard(async () => {
      const server = await this.current.server()
      const { section } = await this.ctx.directory.resolve(server, library)
      const removed = this.ctx.cache.clearSearch(
        libraryCacheKey(server.machineIdentifier, section.key),
        title,
      )
      if (removed) this.ctx.events.emit({ type: 'changed', library: section.key })
      return { removed }
    })
  }

  resetStats(): ResultOf<'resetStats'> {
    this.guardSync(() => this.ctx.cache.resetStats())
    this.ctx.events.emit({ type: 'stats' })
    return null
  }

  stats(): ServiceStats {
    return this.guardSync(() =>
      serviceStats(
        this.ctx.cache.getStats(),
        this.current.knownServer()?.machineIdentifier,
        countEntryStates(this.ctx),
      ),
    )
  }

  /** The last reads made for consumers by every process sharing the cache (newest first); never the window's inspection. */
  recentReads(): RecentRead[] {
    return this.guardSync(() => this.ctx.cache.recentReads())
  }

  statsHistory({ range }: ArgsOf<'statsHistory'>): StatsBucket[] {
    return this.guardSync(() => statsHistory(this.ctx.cache, range, this.ctx.clock()))
  }

  get settings(): ServiceSettings {
    return { ...this.currentSettings }
  }

  /** New TTLs and size limit apply at once; a new URL or token starts a new connection. */
  updateSettings(changes: Partial<ServiceSettings>): ServiceSettings {
    const next = this.guardSync(() => applySettings(this.ctx.cache, this.currentSettings, changes))
    if (next.serverUrl !== this.currentSettings.serverUrl || next.token !== this.currentSettings.token) {
      const connection = this.guardSync(() => this.connect(next, this.ctx.monitor, this.ctx.inFlight))
      // The old server's requests are cancelled: their answers would belong to a server no longer chosen.
      this.current.abort()
      this.current = connection
      this.ctx.monitor.reset(connection.configured)
      this.ctx.events.emit({ type: 'changed' })
    }
    this.currentSettings = next
    return this.settings
  }

  connectionStatus(): ConnectionStatus {
    return this.ctx.monitor.current()
  }

  /**
   * Asks Plex now for the section list (a request that needs the token, so its answer says whether
   * Plex serves us) and answers with the status that follows: the window's "Check again".
   */
  checkConnection(): Promise<ConnectionStatus> {
    return this.guard(async () => {
      if (this.current.configured) {
        // A failure is what the status then says; the call itself has nothing more to report.
        const server = await this.current.server().catch(() => undefined)
        if (server) await this.ctx.directory.fetch(server).catch(() => undefined)
      }
      return this.ctx.monitor.current()
    })
  }

  on(listener: ServiceListener): () => void {
    return this.ctx.events.on(listener)
  }

  get upkeepRunning(): boolean {
    return this.upkeep.running
  }

  /** One keep-warm pass at once (joined with one under way): for a wake from sleep, and for tests. */
  keepWarmNow(): Promise<void> {
    return this.guard(() => this.upkeep.keepWarmNow())
  }

  /** Stops the timers, cancels Plex requests under way and waits for them. The cache stays open: the core owns it. */
  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    this.current.abort()
    await this.upkeep.stop()
    await this.ctx.inFlight.settled()
    try {
      this.ctx.cache.flushStats()
    } catch {
      // The cache was closed first or is locked; its own close() flushes what is left.
    }
    this.ctx.events.clear()
  }

  private connect(settings: ServiceSettings, monitor: ConnectionMonitor, inFlight: InFlight): PlexConnection {
    return new PlexConnection(settings, {
      cache: this.deps.cache,
      fetch: this.countingFetch,
      clientIdentifier: this.deps.clientIdentifier,
      clientTuning: this.deps.clientTuning ?? {},
      monitor,
      inFlight,
      // Read at failover time, so a new list of the same server's addresses applies without reconnecting.
      serverConnections: () => this.currentSettings.serverConnections,
      failoverProbeTimeoutMs: this.deps.failoverProbeTimeoutMs,
    })
  }

  private upkeepTasks(options: UpkeepOptions) {
    const keepWarm = new KeepWarm(this.ctx, {
      intervalMs: options.keepWarmIntervalMs,
      leadSeconds: options.keepWarmLeadSeconds,
      maxProbeDelayMs: options.keepWarmMaxProbeDelayMs,
    })
    return {
      sweep: () => {
        if (this.ctx.cache.sweepExpired() > 0) this.ctx.events.emit({ type: 'changed' })
      },
      flushStats: () => {
        this.ctx.cache.flushStats()
        const changedHere = this.ctx.counters.takeChanged()
        // The CLI's reads are written by another process: the window sees them live too.
        const changedElsewhere = this.ctx.cache.changedElsewhere()
        if (changedHere || changedElsewhere) this.ctx.events.emit({ type: 'stats' })
      },
      keepWarm: () => keepWarm.pass(),
    }
  }

  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      this.assertOpen()
      return await work()
    } catch (error) {
      throw toServiceError(error, this.current.secrets)
    }
  }

  private guardSync<T>(work: () => T): T {
    try {
      this.assertOpen()
      return work()
    } catch (error) {
      throw toServiceError(error, this.current.secrets)
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new ServiceError('INTERNAL', 'The cache service has been closed.')
  }
}
