import { persistentClientIdentifier } from '../main/client-id'
import { PlexTvError, plexTvEndpoints, SignInFlow } from '../main/plextv'
import { accountTokenStore, openSharedSettings, type SettingsStore, type TokenStore } from '../main/settings'
import { CliFailure } from './failure'
import type { Output } from './output'

/** What login, logout and servers share: the app's settings store, its token stores and plex.tv. */
export interface PlexAccountContext {
  store: SettingsStore
  accountTokens: TokenStore
  flow: SignInFlow
}

export async function openPlexAccount(
  dataDir: string,
  env: NodeJS.ProcessEnv,
  output: Output,
): Promise<PlexAccountContext> {
  // The same stores the app opens, so a login here is the app's login too.
  const store = openSharedSettings(dataDir, null)
  store.onNotice((notice) => output.err(`plex-cache: ${notice.level}: ${notice.message}`))
  const flow = new SignInFlow({
    endpoints: plexTvEndpoints(env),
    identity: { clientIdentifier: persistentClientIdentifier(dataDir) },
    fetch: globalThis.fetch,
  })
  return { store, accountTokens: await accountTokenStore(dataDir), flow }
}

/** plex.tv's failures as the CLI's one-line failures (exit 1). */
export async function plexTvStep<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (error instanceof PlexTvError) throw new CliFailure(error.message)
    throw error
  }
}

/** "12:34" for a countdown. */
export function minutesAndSeconds(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000))
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`
}
