import { probeAll, type IdentityProbeOptions } from '../plex/identity-probe'
import type { PlexTvConnection, PlexTvServer } from './resources'

export interface ProbedConnection extends PlexTvConnection {
  reachable: boolean
  latencyMs?: number
  problem?: string
}

/**
 * Local before remote, relay last (a relay is slow and capped), and https before http within each:
 * python-plexapi's order and Plex's own apps'. A stable sort keeps plex.tv's order otherwise.
 */
export function rankConnections<T extends PlexTvConnection>(connections: readonly T[]): T[] {
  const place = (connection: T) =>
    (connection.relay ? 2 : connection.local ? 0 : 1) * 2 + (connection.protocol === 'https' ? 0 : 1)
  return [...connections].sort((a, b) => place(a) - place(b))
}

/** Every connection of the server tested at once, in preference order. */
export async function probeConnections(
  server: PlexTvServer,
  options: IdentityProbeOptions,
): Promise<ProbedConnection[]> {
  const ranked = rankConnections(server.connections)
  const probes = await probeAll(
    ranked.map((connection) => connection.uri),
    server.clientIdentifier,
    options,
  )
  return ranked.map((connection, index) => {
    const { reachable, latencyMs, problem } = probes[index]!
    return {
      ...connection,
      reachable,
      latencyMs,
      problem,
    }
  })
}

/** The preferred connection that answered, or undefined when none did. */
export function chooseConnection(probed: readonly ProbedConnection[]): ProbedConnection | undefined {
  return rankConnections(probed).find((connection) => connection.reachable)
}
