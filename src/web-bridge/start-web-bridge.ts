import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { FakePlexDatasetOptions } from '../fake-plex'
import { fetchWithTrustedCertificates } from '../main/pinned-node-fetch'
import { createAppController, type AppController, type AppControllerOptions } from '../main/app'
import type { PlexTvEndpoints } from '../main/plextv'
import { createHandlerTable, type HandlerTable } from '../main/ipc/handler-table'
import type { FetchFunction } from '../main/plex'
import type { ClientTuning } from '../main/service'
import { ACCOUNT_TOKEN_FILE, fileTokenStore, SettingsStore, type TokenVault } from '../main/settings'
import { startBridgeServer } from './bridge-server'
import { createFileLogger } from '../main/log/log-file'

/** out/renderer, as `electron-vite build` writes it. */
export const BUILT_RENDERER_DIR = join(import.meta.dirname, '..', '..', 'out', 'renderer')

export interface WebBridgeOptions {
  /** Settings and the cache, laid out as in the app's userData folder. */
  dataDir: string
  rendererDir?: string
  /** Default 0: an ephemeral port. Always on 127.0.0.1. */
  port?: number
  /**
   * Default null: no keychain, so a token lives only as long as the bridge, as it would in the
   * app on a system without encryption.
   */
  vault?: TokenVault | null
  fetch?: FetchFunction
  /** The core's clock; tests move it to expire entries. */
  clock?: () => number
  clientTuning?: ClientTuning
  demoDataset?: FakePlexDatasetOptions
  /** plex.tv for Sign in with Plex; default from PLEX_CACHE_PLEX_TV_URL, else Plex's own. */
  plexTv?: PlexTvEndpoints
  signInTuning?: AppControllerOptions['signInTuning']
}

export interface WebBridge {
  /** http://127.0.0.1:PORT/ — open this in a browser. */
  url: string
  controller: AppController
  handlers: HandlerTable
  /** Every URL the app asked the "system browser" to open, oldest first: a browser test checks them here. */
  openedLinks: string[]
  /** What About asked the file manager to do ("open <data folder>", "show <log file>"), oldest first. */
  openedPaths: string[]
  /** The main-process log the bridge writes, as the app does: <dataDir>/logs/plex-cache.log. */
  logFile: string
  close(): Promise<void>
}

/**
 * The real core behind the renderer in a browser: the same controller and handler table that
 * Electron's main binds to IPC, served over loopback HTTP and Server-Sent Events instead.
 */
export async function startWebBridge(options: WebBridgeOptions): Promise<WebBridge> {
  mkdirSync(options.dataDir, { recursive: true })
  const settingsStore = new SettingsStore({
    file: join(options.dataDir, 'settings.json'),
    vault: options.vault ?? null,
  })
  const openedLinks: string[] = []
  const openedPaths: string[] = []
  const logger = createFileLogger({ dataDir: options.dataDir })
  const controller = await createAppController({
    logger,
    appVersion: packageVersion(),
    // No file manager behind the bridge either: the requests are kept for the test.
    shellPaths: {
      openPath: async (target) => {
        openedPaths.push(`open ${target}`)
        return ''
      },
      showItemInFolder: (target) => openedPaths.push(`show ${target}`),
    },
    // No system browser behind the bridge: the links are kept for the test to inspect.
    openExternal: (url) => {
      openedLinks.push(url)
      return true
    },
    // As in the app, but never the system keychain: this harness must not write into the user's.
    accountTokens: async () => fileTokenStore(join(options.dataDir, ACCOUNT_TOKEN_FILE)),
    plexTv: options.plexTv,
    signInTuning: options.signInTuning,
    dataDir: options.dataDir,
    fetch: options.fetch ?? fetchWithTrustedCertificates(options.dataDir),
    settingsStore,
    clock: options.clock,
    clientTuning: options.clientTuning,
    demoDataset: options.demoDataset,
  })
  const handlers = createHandlerTable(controller)
  try {
    const server = await startBridgeServer({
      handlers,
      subscribe: (listener) => controller.onEvent(listener),
      rendererDir: options.rendererDir ?? BUILT_RENDERER_DIR,
      port: options.port,
    })
    let closing: Promise<void> | undefined
    return {
      url: server.url,
      controller,
      handlers,
      openedLinks,
      openedPaths,
      logFile: logger.file,
      close: () => {
        closing ??= server.close().finally(() => controller.close())
        return closing
      },
    }
  } catch (error) {
    await controller.close()
    throw error
  }
}

/** The checkout's version, which the app would report from its package. */
function packageVersion(): string {
  const file = join(import.meta.dirname, '..', '..', 'package.json')
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version
}
