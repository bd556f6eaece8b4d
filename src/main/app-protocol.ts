import { protocol } from 'electron'
import { APP_SCHEME } from './app-origin'
import { serveRendererFile } from './renderer-files'

/**
 * Must run before `ready`. standard: relative URLs, a real origin for CSP 'self' and the IPC
 * check; secure: a secure context, like https; supportFetchAPI: module scripts and fetch() may
 * load from it. Nothing else: no CSP bypass, no CORS from other origins, no service workers.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ])
}

/** After `ready`: app:// serves the built renderer in `rendererRoot` and nothing else. */
export function serveAppProtocol(rendererRoot: string): void {
  protocol.handle(APP_SCHEME, (request) => serveRendererFile(request, rendererRoot))
}
