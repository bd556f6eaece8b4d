import type { PublicSettings } from '../../shared/contract'
import { allowedSignInUrl } from '../external-links'
import type { FetchFunction } from '../plex'
import { rankConnections, SignInFlow, type PlexTvEndpoints, type PlexTvServer } from '../plextv'
import type { CacheService } from '../service'
import type { PreparedSettings, SavedPlexServer, SettingsStore, TokenStore } from '../settings'
import { SignInSession } from './sign-in-session'
import type { SignInState } from '../../shared/sign-in-types'

export interface SignInOptions {
  endpoints: PlexTvEndpoints
  clientIdentifier: string
  fetch: FetchFunction
  /** Hands a URL to the system browser; the sign-in page's origin is checked before. */
  openExternal: (url: string) => boolean
  /** Where the plex.tv account token is kept for `plex-cache servers`; null keeps it nowhere. */
  accountTokens: (() => Promise<TokenStore>) | null
  pollIntervalMs?: number
  probeTimeoutMs?: number
}

export interface SignInWiringDeps {
  service: CacheService
  store: SettingsStore
  emit: (state: SignInState) => void
  /** Applies and saves a prepared change, one at a time with every other settings change. */
  applyInTurn: (prepare: () => Promise<PreparedSettings> | PreparedSettings) => Promise<PublicSettings>
}

/** The saved form of a signed-in server: every address plex.tv listed, best first, and no token. */
export function savedPlexServer(server: PlexTvServer): SavedPlexServer {
  return {
    name: server.name,
    machineIdentifier: server.clientIdentifier,
    connections: rankConnections(server.connections).map(({ uri, local, relay }) => ({ uri, local, relay })),
  }
}

/** Sign in with Plex and sign out, composed for the app controller. */
export function createSignIn(options: SignInOptions, deps: SignInWiringDeps) {
  const session = new SignInSession({
    flow: () =>
      new SignInFlow({
        endpoints: options.endpoints,
        identity: { clientIdentifier: options.clientIdentifier },
        fetch: options.fetch,
        pollIntervalMs: options.pollIntervalMs,
        probeTimeoutMs: options.probeTimeoutMs,
      }),
    openAuthPage: (url) =>
      allowedSignInUrl(url, options.endpoints.authUrl) !== null && options.openExternal(url),
    emit: deps.emit,
    async save(server, connection, accountToken) {
      // The server is asked with its own token before anything is saved: a refused token is not kept.
      await deps.service.testConnection({ url: connection.uri, token: server.accessToken })
      await deps.applyInTurn(() =>
        deps.store.prepareSignIn(connection.uri, server.accessToken, savedPlexServer(server)),
      )
      if (options.accountTokens) await (await options.accountTokens()).write(accountToken).catch(() => {})
    },
  })
  return {
    session,
    async signOut(): Promise<PublicSettings> {
      session.close()
      const settings = await deps.applyInTurn(() => deps.store.prepareSignOut())
      if (options.accountTokens) await (await options.accountTokens()).remove().catch(() => {})
      return settings
    },
  }
}
