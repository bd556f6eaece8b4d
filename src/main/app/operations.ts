import type { ArgsOf, OperationName, PublicSettings, ResultOf, SettingsChange } from '../../shared/contract'
import type { CacheService } from '../service'
import type { SettingsStore } from '../settings'

/** One function per contract operation, receiving arguments the contract's schema has already accepted. */
export type OperationTable = {
  [K in OperationName]: (args: ArgsOf<K>) => Promise<ResultOf<K>> | ResultOf<K>
}

export interface OperationDeps {
  service: CacheService
  store: SettingsStore
  changeSettings(change: SettingsChange): Promise<PublicSettings>
  useDemoServer(): Promise<PublicSettings>
}

export function createOperationTable({
  service,
  store,
  changeSettings,
  useDemoServer,
}: OperationDeps): OperationTable {
  return {
    listLibraries: () => service.listLibraries(),
    getLibraryItems: ({ library, offset, limit, filter }) =>
      service.getLibraryItems(library, {
        ...(offset === undefined ? {} : { offset }),
        ...(limit === undefined ? {} : { limit }),
        ...(filter === undefined ? {} : { filter }),
      }),
    search: ({ library, title }) => service.search(library, title),
    findByFile: ({ nameOrPath }) => service.findByFile(nameOrPath),
    refreshLibrary: ({ library, force }) => service.refreshLibrary(library, { force: force ?? false }),
    refreshAll: (args) => service.refreshAll({ force: args?.force ?? false }),
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
    connectionStatus: () => service.connectionStatus(),
    getSettings: () => store.publicSettings(),
    setSettings: (change) => changeSettings(change),
    testConnection: ({ url, token }) => service.testConnection(url, token),
    useDemoServer: () => useDemoServer(),
  }
}
