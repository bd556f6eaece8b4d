import { Agent, fetch as undiciFetch } from 'undici'
import type { FetchFunction } from '../../src/main/plex'

/**
 * Node's fetch on a machine that trusts `ca` besides the system's authorities: what a user whose
 * certificates chain to a public CA (Plex's plex.direct ones) gets, with a test CA instead.
 */
export function fetchTrusting(ca: string): FetchFunction {
  const dispatcher = new Agent({ connect: { ca } })
  return async (url, init) =>
    (await undiciFetch(url, { ...(init as object), dispatcher })) as unknown as Response
}
