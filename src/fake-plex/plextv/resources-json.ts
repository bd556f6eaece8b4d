import type { FakePlexTvServer } from './types'

/** The resources answer (facts §6): one device per server, with plex.tv's field names. */
export function resourcesJson(servers: readonly FakePlexTvServer[]): unknown[] {
  return servers.map((server) => ({
    name: server.name,
    product: 'Plex Media Server',
    productVersion: '1.41.3.9314-a0bfb8370',
    platform: 'Linux',
    platformVersion: '6.1',
    device: 'PC',
    clientIdentifier: server.clientIdentifier,
    createdAt: '2023-01-01T00:00:00Z',
    lastSeenAt: new Date().toISOString(),
    provides: 'server',
    ownerId: null,
    sourceTitle: null,
    publicAddress: '203.0.113.7',
    accessToken: server.accessToken,
    owned: server.owned ?? true,
    home: false,
    synced: false,
    relay: true,
    presence: true,
    httpsRequired: false,
    publicAddressMatches: true,
    dnsRebindingProtection: false,
    natLoopbackSupported: false,
    connections: server.connections.map((connection) => {
      const url = new URL(connection.uri)
      return {
        protocol: url.protocol.replace(':', ''),
        address: url.hostname,
        port: Number(url.port || (url.protocol === 'https:' ? 443 : 80)),
        uri: connection.uri,
        local: connection.local,
        relay: connection.relay,
        IPv6: connection.IPv6 ?? false,
      }
    }),
  }))
}

/** A plex.tv client device, listed beside servers in real answers: the app must skip it. */
export const PLAYER_DEVICE = {
  name: 'Living room TV',
  product: 'Plex for Android (TV)',
  clientIdentifier: 'player-0001',
  provides: 'client,player,pubsub-player',
  accessToken: 'player-token-never-used',
  owned: true,
  connections: [],
}
