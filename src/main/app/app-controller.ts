import type { FakePlexDatasetOptions } from '../../fake-plex'
import type {
  ArgsOf,
  EventMessage,
  EventPayloads,
  OperationName,
  PublicSettings,
  ResultOf,
} from '../../shared/contract'
import { cacheEventMessage, INSPECTION_CONSUMER } from '../cache'
import { persistentClientIdentifier } from '../client-id'
import { createCore, type Core } from '../core'
import { plexTvEndpoints, type PlexTvEndpoints } from '../plextv'
import type { FetchFunction } from '../plex'
import { ServiceError, toServiceError, type ClientTuning } from '../service'
import type { PreparedSettings, SettingsStore } from '../settings'
import { CertificatePins } from '../settings/certificate-pins'
import { DemoServer, DEMO_DATASET } from './demo-server'
import { EventHub } from './event-hub'
import { createSignIn, type SignInOptions } from './sign-in-wiring'
import { trustServerCertificate } from './trust-certificate'
import { logActivity, logSettingsChange, signInLog } from './activity-log'
import { describeError, logFilePath, redactingLogger, silentLogger, type Logger } from '../log'
import { createLocalPathOpener, type ShellPaths } from '../local-paths'
import { aboutThisApp } from './about'
import { ToolsProxyRunner } from './tools-proxy'

export interface AppControllerOptions {
  dataDir: string
  /** net.fetch in Electron, the global fetch in Node. */
  fetch: FetchFunction
  settingsStore: SettingsStore
  clock?: () => number
  /** Passed to createCore (tests make retries instant). */
  clientTuning?: ClientTuning
  /** Default: a few thousand items across movie, show and music sections. */
  demoDataset?: FakePlexDatasetOptions
  /** Said to the window as soon as it listens: what the shell noticed before the app started. */
  startupNotices?: ReadonlyArray<EventPayloads['notice']>
  /** Opens a URL in the system browser (Electron's shell, through external-links.ts); default: none. */
  openExternal?: (url: string) => boolean
  /** plex.tv and its sign-in page; default from the environment (PLEX_CACHE_PLEX_TV_URL), else Plex's own. */
  plexTv?: PlexTvEndpoints
  /** Where the plex.tv account token is kept after signing in; default: nowhere. */
  accountTokens?: SignInOptions['accountTokens']
  /**
   * Called after the user trusted a certificate, so the network stack applies the new pin (Electron
   * drops cached verdicts; Node's pinned fetch reads the pins on every request and needs nothing).
   */
  onCertificateTrusted?: () => void
  /** Tests poll and probe faster. */
  signInTuning?: Pick<SignInOptions, 'pollIntervalMs' | 'probeTimeoutMs'>
  /**
   * Where the main process logs (the app and the browser bridge: a rotating file in the data
   * folder). Every line is redacted here with the current token first. Default: nowhere.
   */
  logger?: Logger
  /** Shown in About: Electron's app.getVersion(), or the bridge's package.json version. */
  appVersion?: string
  /** Opens the data folder and shows the log file (Electron's shell; the bridge records the requests). */
  shellPaths?: ShellPaths
}

/** One function per contract operation, receiving arguments the contract's schema has already accepted. */
type OperationTable = {
  [K in OperationName]: (args: ArgsOf<K>) => Promise<ResultOf<K>> | ResultOf<K>
}

export interface AppController {
  /** Runs one contract operation with already-validated args. Throws ServiceError on failure. */
  run<K extends OperationName>(operation: K, args: ArgsOf<K>): Promise<ResultOf<K>>
  /** Every contract event, fanned in from the service, the settings and notices. */
  onEvent(listener: (message: EventMessage) => void): () => void
  close(): Promise<void>
}

/**
 * The app without its windows: the core, the settings and demo mode behind the contract's
 * operations. Electron's main and the browser test bridge both drive the app through this.
 */
export async function createAppController(options: AppControllerOptions): Promise<AppController> {
  const { settingsStore: store } = options
  const demo = new DemoServer(options.demoDataset ?? DEMO_DATASET)
  const secrets = () => {
    const token = store.serviceSettings().token
    return token ? [token] : []
  }
  const events = new EventHub(secrets)
  const log = redactingLogger(options.logger ?? silentLogger, secrets)
  const logFile = logFilePath(options.dataDir)
  const appVersion = options.appVersion ?? 'unknown'
  log.info(`Plex Cache ${appVersion} starting; data folder ${options.dataDir}`)
  const unsubscribeStore = store.onNotice((notice) => events.emit('notice', notice))
  for (const notice of options.startupNotices ?? []) events.emit('notice', notice)

  // Demo mode survives a restart: the server comes back (on a new port) before the core connects.
  if (store.demo) await restartDemo(store, demo, events)

  let core: Core
  try {
    core = createCore({
      dataDir: options.dataDir,
      fetch: options.fetch,
      settings: store.serviceSettings(),
      clock: options.clock,
      clientTuning: options.clientTuning,
      onCacheEvent: (event) => {
        log.warn(cacheEventMessage(event))
        events.emit('notice', { level: 'warning', message: cacheEventMessage(event) })
      },
      logger: log,
    })
  } catch (error) {
    unsubscribeStore()
    await demo.close()
    throw error
  }
  const { service } = core
  const unsubscribeService = service.on((event) => events.fromService(event))
  const unsubscribeLog = logActivity(service, log)
  const logSignIn = signInLog(log)
  const toolsProxy = new ToolsProxyRunner({
    service,
    fetch: options.fetch,
    log,
    onStatus: (status) => {
      events.emit('toolsProxy', status)
      if (status.state === 'failed') events.emit('notice', { level: 'error', message: status.message })
    },
  })

  /** Applies a prepared change to the running service first, so a value it refuses is never saved. */
  const apply = (prepared: PreparedSettings): PublicSettings => {
    const before = store.serviceSettings()
    service.updateSettings(store.serviceSettingsOf(prepared))
    let settings: PublicSettings
    try {
      settings = store.commit(prepared)
    } catch (error) {
      service.updateSettings(before)
      throw error
    }
    logSettingsChange(before, store.serviceSettings(), log)
    events.emit('settings', settings)
    void toolsProxy.apply(settings)
    return settings
  }

  // A change may wait on the keychain (sealing a new token, or the saved one coming back); one at a
  // time, so none is worked out from settings another is about to replace.
  let settingsTurn: Promise<unknown> = Promise.resolve()
  const oneAtATime = <T>(change: () => T | Promise<T>): Promise<T> => {
    const result = settingsTurn.then(change)
    settingsTurn = result.catch(() => undefined)
    return result
  }

  const signIn = createSignIn(
    {
      endpoints: options.plexTv ?? plexTvEndpoints(),
      clientIdentifier: persistentClientIdentifier(options.dataDir),
      fetch: options.fetch,
      openExternal: options.openExternal ?? (() => false),
      accountTokens: options.accountTokens ?? null,
      ...options.signInTuning,
    },
    {
      service,
      store,
      emit: (state) => {
        logSignIn(state)
        events.emit('signIn', state)
      },
      applyInTurn: (prepare) => oneAtATime(async () => apply(await prepare())),
    },
  )

  const localPaths = createLocalPathOpener(
    { dataDir: options.dataDir, logFile },
    options.shellPaths ?? {
      openPath: async () => 'nothing can open files here',
      showItemInFolder: () => {},
    },
  )
  /**
   * The window reads only to show the cache to its user, so its reads are inspection, never hits.
   * The consumer is chosen here, per operation, and never taken from the renderer's arguments.
   */
  const inspection = { consumer: INSPECTION_CONSUMER }
  // The service's methods take the contract's arguments and give its results: this only routes.
  const operations: OperationTable = {
    listLibraries: () => service.listLibraries(),
    getLibraryItems: (args) => service.getLibraryItems(args, inspection),
    search: (args) => service.search(args, inspection),
    findByFile: (args) => service.findByFile(args, inspection),
    refreshLibrary: (args) => service.refreshLibrary(args),
    refreshAll: (args) => service.refreshAll(args),
    cancelRefresh: () => service.cancelRefresh(),
    clear: () => service.clear(),
    clearLibrary: (args) => service.clearLibrary(args),
    listEntries: () => service.listEntries(),
    deleteSearch: (args) => service.deleteSearch(args),
    resetStats: () => service.resetStats(),
    stats: () => service.stats(),
    statsHistory: (args) => service.statsHistory(args),
    recentReads: () => service.recentReads(),
    connectionStatus: (args) => (args?.check ? service.checkConnection() : service.connectionStatus()),
    testConnection: (args) => service.testConnection(args),
    getSettings: () => store.publicSettings(),
    setSettings: (change) =>
      oneAtATime(async () => {
        const settings = apply(await store.prepare(change))
        // Leaving demo mode: nothing talks to the demo server any more.
        if (!settings.demo && demo.running) void demo.close()
        return settings
      }),
    trustCertificate: async ({ url, fingerprint256 }) => {
      const trusted = await trustServerCertificate(new CertificatePins(options.dataDir), url, fingerprint256)
      log.info(`Trusted the certificate of ${new URL(url).origin} (SHA-256 ${fingerprint256})`)
      options.onCertificateTrusted?.()
      return trusted
    },
    useDemoServer: () =>
      oneAtATime(async () => {
        const endpoint = await startDemo(demo)
        return apply(store.prepareDemo(endpoint.url, endpoint.token))
      }),
    signInStart: () => signIn.session.start(),
    signInState: () => signIn.session.current(),
    signInCancel: () => signIn.session.cancel(),
    signInChooseServer: ({ clientIdentifier }) => signIn.session.chooseServer(clientIdentifier),
    signInUseConnection: async ({ clientIdentifier, uri }) => {
      await signIn.session.useConnection(clientIdentifier, uri)
      return store.publicSettings()
    },
    signOut: () => signIn.signOut(),
    getAbout: () => aboutThisApp({ appVersion, dataDir: options.dataDir, logFile }),
    openDataFolder: async () => ({ opened: await localPaths.openDataFolder() }),
    showLogFile: async () => ({ opened: await localPaths.showLogFile() }),
    toolsProxyStatus: () => toolsProxy.status,
  }

  let closing: Promise<void> | undefined
  // Not awaited: the window and every operation work meanwhile, and the service connects when the
  // token arrives. A keychain that never answers leaves the app running without one.
  const useSavedTokenOnceUnsealed = async () => {
    const unsealed = await store.unsealSavedToken()
    await oneAtATime(() => {
      if (closing) return
      const prepared = unsealed && store.prepareUnsealed(unsealed)
      // Without it, the settings still changed: the token no longer counts as set.
      if (prepared) apply(prepared)
      else events.emit('settings', store.publicSettings())
    })
  }
  const useSavedToken = () =>
    useSavedTokenOnceUnsealed().catch((error: unknown) =>
      events.emit('notice', {
        level: 'warning',
        message: `The saved Plex token could not be used (${(error as Error).message}).`,
      }),
    )
  if (store.tokenAwaitsKeychain) void useSavedToken()
  // Serving was left on: it resumes with the app (the token, if still in the keychain, follows).
  void toolsProxy.apply(store.publicSettings())

  // The CLI (or anything else) may change settings.json while the app runs: one configuration.
  const stopWatching = store.watchFile(() => {
    oneAtATime(() => {
      const prepared = closing ? null : store.prepareFromFile()
      if (prepared === null) return
      const settings = apply(prepared)
      if (!settings.demo && demo.running) void demo.close()
      if (store.tokenAwaitsKeychain) void useSavedToken()
    }).catch((error: unknown) =>
      events.emit('notice', {
        level: 'warning',
        message: `Settings changed outside the app could not be applied (${(error as Error).message}).`,
      }),
    )
  })

  return {
    async run(operation, args) {
      try {
        const handler = operations[operation] as (args: unknown) => unknown
        return (await handler(args)) as ResultOf<typeof operation>
      } catch (error) {
        // Service errors are already redacted; this covers a token that reached one some other way.
        if (error instanceof ServiceError) {
          log.warn(`${operation} failed: ${error.code}: ${error.message}`)
          throw toServiceError(error, secrets())
        }
        log.error(`${operation} failed unexpectedly: ${describeError(error)}`)
        throw error
      }
    },
    onEvent: (listener) => events.on(listener),
    close() {
      closing ??= (async () => {
        signIn.session.close()
        stopWatching()
        unsubscribeService()
        unsubscribeLog()
        unsubscribeStore()
        events.clear()
        try {
          await toolsProxy.close()
          await core.close()
        } finally {
          await demo.close()
          log.info('Plex Cache stopped')
        }
      })()
      return closing
    },
  }
}

async function startDemo(demo: DemoServer) {
  try {
    return await demo.start()
  } catch (error) {
    throw new ServiceError('INTERNAL', `The demo server could not be started (${(error as Error).message}).`)
  }
}

async function restartDemo(store: SettingsStore, demo: DemoServer, events: EventHub): Promise<void> {
  try {
    const endpoint = await demo.start()
    store.commit(store.prepareDemo(endpoint.url, endpoint.token))
  } catch (error) {
    events.emit('notice', {
      level: 'error',
      message: `The demo server could not be started again (${(error as Error).message}).`,
    })
  }
}
