import { PlexClient } from './plex-client'
import type { FetchFunction } from './types'

export interface IdentityProbe {
  url: string
  reachable: boolean
  /** Round trip of the /identity request, when it answered. */
  latencyMs?: number
  /** Why it is not usable: unreachable, timed out, or another server answered. */
  problem?: string
}

export interface IdentityProbeOptions {
  fetch: FetchFunction
  clientIdentifier: string
  /** Default 3 s: a connection slower than that to say who it is is not worth choosing. */
  timeoutMs?: number
}

/**
 * One quick GET /identity (no token, no retries) at `url`, usable only when it names the expected
 * server: a connection that reaches some other Plex server must never get this server's token.
 */
export async function probeIdentity(
  url: string,
  machineIdentifier: string,
  options: IdentityProbeOptions,
): Promise<IdentityProbe> {
  const started = performance.now()
  try {
    const client = new PlexClient({
      baseUrl: url,
      token: '',
      clientIdentifier: options.clientIdentifier,
      fetch: options.fetch,
      timeoutMs: options.timeoutMs ?? 3000,
      retries: 0,
    })
    const identity = await client.identity()
    const latencyMs = Math.round(performance.now() - started)
    if (identity.machineIdentifier !== machineIdentifier) {
      return { url, reachable: false, latencyMs, problem: 'another Plex server answered at this address' }
    }
    return { url, reachable: true, latencyMs }
  } catch (error) {
    return { url, reachable: false, problem: (error as Error).message }
  }
}

/** Every URL probed at once; resolves when all have answered or timed out. */
export function probeAll(
  urls: readonly string[],
  machineIdentifier: string,
  options: IdentityProbeOptions,
): Promise<IdentityProbe[]> {
  return Promise.all(urls.map((url) => probeIdentity(url, machineIdentifier, options)))
}
