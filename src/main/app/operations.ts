import type {
  ArgsOf,
  OperationName,
  PublicSettings,
  ResultOf,
  SettingsChange,
  ToolsProxyStatus,
} from '../../shared/contract'
import { INSPECTION_CONSUMER } from '../cache'
import type { CacheService } from '../service'
import type { SettingsStore } from '../settings'
import type { TrustedCertificate } from '../../shared/service-types'
import type { SignInSession } from './sign-in-session'
import type { AboutInfo } from '../../shared/about'
import type { LocalPathOpener } from '../local-paths'

/** One function per contract operation, receiving arguments the contract's schema has already accepted. */
export type OperationTable = {
  [K in OperationName]: (args: ArgsOf<K>) => Promise<ResultOf<K>> | ResultOf<K>
}

export interface OperationDeps {
  service: CacheService
  store: SettingsStore
  changeSettings(change: SettingsChange): Promise<PublicSettings>
  useDemoServer(): Promise<PublicSettings>
  signIn: { session: SignInSession; signOut(): Promise<PublicSettings> }
  trustCertificate(url: string, fingerprint256: string): Promise<TrustedCertificate>
  about(): AboutInfo
  /** Whether the proxy for other tools listens (tools-proxy.ts). */
  toolsProxyStatus(): ToolsProxyStatus
  /** The allowlisted opener (local-paths.ts): the data folder and the log file, nothing else. */
  localPaths: Pick<LocalPathOpener, 'openDataFolder' | 'showLogFile'>
}

/**
 * The window reads only to show the cache to its user, so its reads are inspection, never hits. The
 * consumer is chosen here, per operation, and never taken from the renderer's arguments.
 */
const inspection = { consumer: INSPECTION_CONSUMER }

export function createOperationTable({
  service,
  store,
  changeSettings,
  useDemoServer,
  signIn,
  trustCertificate,
  about,
  toolsProxyStatus,
  localPaths,
}: OperationDeps): OperationTable {
  return {
    listLibraries: () => service.listLibraries(),
    getLibraryItems: ({ library, offset, limit, filter }) =>
      service.getLibraryItems(
        library,
        {
          ...(offset === undefined ? {} : { offset }),
          ...(limit === undefined ? {} : { limit }),
          ...(filter === undefined ? {} : { filter }),
        },
        inspection,
      ),
    search: ({ library, title }) => service.search(library, title, inspection),
    findByFile: ({ nameOrPath }) => service.findByFile(nameOrPath, inspection),
    refreshLibrary: ({ library, force }) => service.refreshLibrary(library, { force: force ?? false }),
    refreshAll: (args) => service.refreshAll({ force: args?.force ?? false }),
    cancelRefresh: () => ({ cancelled: service.cancelRefresh() }),
    clear: () => {
      service.clear()
      return null
    },
    clearLibrary: async ({ library }) => ({ removed: await service.clearLibrary(library) }),
    listEntries: () => service.listEntries(),
    deleteSearch: async ({ library, title }) => ({ removed: await service.deleteSearch(library, title) }),
    resetStats: () => {
      service.resetStats()
      return null
    },
    stats: () => service.stats(),
    statsHistory: ({ range }) => service.statsHistory(range),
    recentReads: () => service.recentReads(),
    connectionStatus: (args) => (args?.check ? service.checkConnection() : service.connectionStatus()),
    getSettings: () => store.publicSettings(),
    setSettings: (change) => changeSettings(change),
    testConnection: ({ url, token }) => service.testConnection(url, token),
    trustCertificate: ({ url, fingerprint256 }) => trustCertificate(url, fingerprint256),
    useDemoServer: () => useDemoServer(),
    signInStart: () => signIn.session.start(),
    signInState: () => signIn.session.current(),
    signInCancel: () => signIn.session.cancel(),
    signInChooseServer: ({ clientIdentifier }) => signIn.session.chooseServer(clientIdentifier),
    signInUseConnection: async ({ clientIdentifier, uri }) => {
      await signIn.session.useConnection(clientIdentifier, uri)
      return store.publicSettings()
    },
    signOut: () => signIn.signOut(),
    getAbout: () => about(),
    openDataFolder: async () => ({ opened: await localPaths.openDataFolder() }),
    showLogFile: async () => ({ opened: await localPaths.showLogFile() }),
    toolsProxyStatus: () => toolsProxyStatus(),
  }
}
