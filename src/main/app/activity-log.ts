import type { SignInState } from '../../shared/sign-in-types'
import type { ConnectionStatus } from '../../shared/service-types'
import type { Logger } from '../log'
import type { CacheService, ServiceSettings } from '../service'

/**
 * What the app did, for the log file: connection state changes (one line per change, not per
 * event) and each Refresh all's end. Refreshes, revalidations and evictions are logged by the core.
 */
export function logActivity(service: Pick<CacheService, 'on'>, log: Logger): () => void {
  let lastState: string | undefined
  return service.on((event) => {
    if (event.type === 'connection') {
      const described = connectionText(event.status)
      if (described === lastState) return
      lastState = described
      if (event.status.state === 'offline') log.warn(described)
      else log.info(described)
    }
  })
}

function connectionText(status: ConnectionStatus): string {
  switch (status.state) {
    case 'online': {
      const server = status.server
      return `Connection: online${server ? ` (${server.friendlyName || server.machineIdentifier}, Plex ${server.version})` : ''}`
    }
    case 'offline': {
      const problem = status.problem ? ` [${status.problem}]` : ''
      const error = status.lastError ? `: ${status.lastError.code}: ${status.lastError.message}` : ''
      return `Connection: offline${problem}${error}`
    }
    case 'unconfigured':
      return 'Connection: not configured (no server or no token)'
  }
}

/** Sign in with Plex: each step once as it is reached, never its code, URL or token. */
export function signInLog(log: Logger): (state: SignInState) => void {
  let lastStep: SignInState['step'] = 'idle'
  return (state) => {
    if (state.step === lastStep) return
    lastStep = state.step
    if (state.step === 'failed') log.warn(`Sign in with Plex ended (${state.reason}): ${state.message}`)
    else if (state.step === 'done') log.info(`Sign in with Plex: done, server "${state.serverName}"`)
    else log.info(`Sign in with Plex: ${state.step}`)
  }
}

/** The server and the token as they change; the token only as "saved" or "forgotten". */
export function logSettingsChange(before: ServiceSettings, after: ServiceSettings, log: Logger): void {
  if (after.serverUrl !== before.serverUrl) {
    log.info(after.serverUrl ? `Server set to ${after.serverUrl}` : 'Server forgotten')
  }
  if (after.token !== before.token) {
    log.info(after.token ? 'A Plex token was saved for the server' : 'The Plex token was forgotten')
  }
}
