import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { FakePlexDatasetOptions } from '../../../src/fake-plex'
import { createAppController } from '../../../src/main/app'
import { createHandlerTable } from '../../../src/main/ipc/handler-table'
import type { ClientTuning } from '../../../src/main/service'
import { SettingsStore, type TokenVault } from '../../../src/main/settings'
import { startBridgeServer } from '../../../src/web-bridge/bridge-server'
import { BUILT_RENDERER_DIR, type WebBridge } from '../../../src/web-bridge/start-web-bridge'

export interface TestBridgeOptions {
  dataDir: string
  vault: TokenVault
  clock: () => number
  clientTuning: ClientTuning
  demoDataset: FakePlexDatasetOptions
}

/**
 * startWebBridge with one addition tests need: the core's clock. It composes the same pieces
 * (controller, handler table, bridge server), so the page sees exactly what it would otherwise.
 */
export async function startTestBridge(options: TestBridgeOptions): Promise<WebBridge> {
  mkdirSync(options.dataDir, { recursive: true })
  const settingsStore = new SettingsStore({
    file: join(options.dataDir, 'settings.json'),
    vault: options.vault,
  })
  const controller = await createAppController({
    dataDir: options.dataDir,
    fetch: globalThis.fetch,
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
      rendererDir: BUILT_RENDERER_DIR,
    })
    return {
      url: server.url,
      controller,
      handlers,
      close: () => server.close().finally(() => controller.close()),
    }
  } catch (error) {
    await controller.close()
    throw error
  }
}
