import type { PublicSettings } from '../../shared/contract'
import type { ServiceSettings } from '../service'
import { savedTokenLocation } from './shared-token-vault'
import type { SettingsState } from './stored-settings'

/**
 * What the settings state looks like from outside the store: the renderer's view (no token, no
 * server addresses) and the service's (the token, and the signed-in server's other addresses).
 */
export function publicSettingsOf(state: SettingsState): PublicSettings {
  const { token, encryptedToken, plexServer, disconnectedFrom, ...shared } = state
  const tokenStorage =
    token === null ? 'none' : encryptedToken === null ? 'session' : savedStorageOf(encryptedToken)
  // Only whether there is one: the addresses and the server's identity stay in the main process.
  return {
    ...shared,
    tokenSet: token !== null,
    tokenStorage,
    ...(plexServer ? { signedInWithPlex: true } : {}),
    ...(disconnectedFrom && token !== null ? { disconnectedFrom } : {}),
  }
}

/** 'file' for a token saved in the owner-only file, which is not encrypted; 'encrypted' otherwise. */
export function savedStorageOf(sealed: string): 'encrypted' | 'file' {
  return savedTokenLocation(sealed) === 'file' ? 'file' : 'encrypted'
}

export function serviceSettingsOf(state: SettingsState): ServiceSettings {
  // Present even when unset: CacheService.updateSettings reads an undefined serverUrl or token as "disconnect".
  return {
    serverUrl: state.serverUrl ?? undefined,
    token: state.token ?? undefined,
    libraryTtlSeconds: state.libraryTtlSeconds,
    searchTtlSeconds: state.searchTtlSeconds,
    emptySearchTtlSeconds: state.emptySearchTtlSeconds,
    sizeLimitBytes: state.sizeLimitBytes,
    pageSize: state.pageSize,
    keepWarm: state.keepWarm,
    staleWhileRevalidateSeconds: state.staleWhileRevalidateSeconds,
    ...serverConnectionsOf(state),
  }
}

/** The signed-in server's addresses, only while serverUrl is one of them (see failover.ts). */
export function serverConnectionsOf(
  state: Pick<SettingsState, 'serverUrl' | 'plexServer'>,
): Pick<ServiceSettings, 'serverConnections'> {
  const server = state.plexServer
  if (!server || !server.connections.some((connection) => connection.uri === state.serverUrl)) return {}
  return {
    serverConnections: {
      machineIdentifier: server.machineIdentifier,
      urls: server.connections.map((connection) => connection.uri),
    },
  }
}
