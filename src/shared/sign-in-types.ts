/**
 * Signing in with Plex as the window sees it. Never a token: the account's and each server's stay
 * in the main process. Types only.
 */

export interface SignInServer {
  name: string
  /** The server's machine identifier, which names it in signInChooseServer and signInUseConnection. */
  clientIdentifier: string
  owned: boolean
  connectionCount: number
}

export interface SignInConnection {
  uri: string
  protocol: 'http' | 'https'
  local: boolean
  relay: boolean
  /** Answered /identity as this server within the probe's time. */
  reachable: boolean
  latencyMs?: number
  /** Why it cannot be used, when it cannot. */
  problem?: string
}

export type SignInState =
  | { step: 'idle' }
  /** The code is shown and the browser opened at authUrl; expiresAt is epoch milliseconds. */
  | { step: 'waiting'; code: string; authUrl: string; expiresAt: number; browserOpened: boolean }
  /** Approved; the account has several servers and one must be picked. */
  | { step: 'servers'; servers: SignInServer[] }
  /** Every connection of this server is being tested. */
  | { step: 'testing'; server: SignInServer }
  /** Tested; `chosen` is the preferred one that answered (null when none did). */
  | {
      step: 'connections'
      server: SignInServer
      connections: SignInConnection[]
      chosen: string | null
      canGoBack: boolean
    }
  | { step: 'done'; serverName: string; url: string }
  | { step: 'failed'; reason: 'expired' | 'cancelled' | 'error'; message: string }
