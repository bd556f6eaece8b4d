import type { ToolsProxyStatus } from '../../shared/contract'
import { describeError, type Logger } from '../log'
import type { FetchFunction } from '../plex'
import { startCacheProxy, type CacheProxy, type CacheProxyOptions } from '../proxy'
import type { CacheService } from '../service'

export interface ToolsProxyDeps {
  service: CacheService
  fetch: FetchFunction
  log: Logger
  /** Told every change of status: the window and the tray show it, a failure becomes a notice. */
  onStatus(status: ToolsProxyStatus): void
  /** Tests pass a stand-in that fails; default: the real proxy. */
  start?: (options: CacheProxyOptions) => Promise<CacheProxy>
}

/** The two settings rows that say whether and where to serve. */
export interface ToolsProxyWish {
  serveToTools: boolean
  toolsPort: number
}

/**
 * Starts and stops the caching proxy as Settings say ("Serve the cache to other tools"). Always on
 * loopback: the window offers no other address (the CLI's `serve --host` does, for headless machines).
 * Changes are applied one at a time, so toggling quickly never leaves two proxies or a stale status.
 */
export class ToolsProxyRunner {
  private proxy: CacheProxy | undefined
  private listening: ToolsProxyWish | undefined
  private current: ToolsProxyStatus = { state: 'off' }
  private turn: Promise<void> = Promise.resolve()
  private closed = false

  constructor(private readonly deps: ToolsProxyDeps) {}

  get status(): ToolsProxyStatus {
    return this.current
  }

  /** Follows the settings; resolves once the proxy listens, stopped or failed. Never rejects. */
  apply(wish: ToolsProxyWish): Promise<void> {
    this.turn = this.turn.then(() => this.reconcile(wish))
    return this.turn
  }

  close(): Promise<void> {
    this.closed = true
    this.turn = this.turn.then(() => this.stop())
    return this.turn
  }

  private async reconcile(wish: ToolsProxyWish): Promise<void> {
    if (this.closed) return
    const wanted = wish.serveToTools
    const alreadyRight = this.proxy && this.listening?.toolsPort === wish.toolsPort
    // A failed start is tried again only when asked again (a save, a toggle): not on every settings change.
    if (wanted && alreadyRight) return
    if (wanted && this.current.state === 'failed' && this.current.port === wish.toolsPort) return
    await this.stop()
    if (!wanted) return this.publish({ state: 'off' })
    this.listening = wish
    this.publish({ state: 'starting', port: wish.toolsPort })
    const start = this.deps.start ?? startCacheProxy
    try {
      this.proxy = await start({
        service: this.deps.service,
        fetch: this.deps.fetch,
        log: this.deps.log,
        port: wish.toolsPort,
      })
      this.deps.log.info(`Serving the cache to other tools at ${this.proxy.url}`)
      this.publish({ state: 'serving', url: this.proxy.url })
    } catch (error) {
      const message = startFailure(error, wish.toolsPort)
      this.deps.log.warn(`${message} (${describeError(error)})`)
      this.publish({ state: 'failed', port: wish.toolsPort, message })
    }
  }

  private async stop(): Promise<void> {
    const proxy = this.proxy
    this.proxy = undefined
    this.listening = undefined
    if (!proxy) return
    try {
      await proxy.close()
      this.deps.log.info('Stopped serving the cache to other tools')
    } catch (error) {
      this.deps.log.warn(`Stopping the proxy for other tools failed: ${describeError(error)}`)
    }
  }

  private publish(status: ToolsProxyStatus): void {
    // Every settings change reaches apply(); only a real change is worth an event.
    if (JSON.stringify(status) === JSON.stringify(this.current)) return
    this.current = status
    this.deps.onStatus(status)
  }
}

function startFailure(error: unknown, port: number): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  if (code === 'EADDRINUSE')
    return `The cache could not be served to other tools: port ${port} is already in use. Choose another port in Settings.`
  if (code === 'EACCES')
    return `The cache could not be served to other tools: port ${port} is not allowed here. Choose another port in Settings.`
  return `The cache could not be served to other tools (${error instanceof Error ? error.message : String(error)}).`
}
