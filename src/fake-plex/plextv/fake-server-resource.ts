import { createServer } from 'node:net'
import { FAKE_PLEX_HOST } from '../server'
import type { FakePlexTvServer } from './types'

export interface FakePmsEndpoint {
  url: string
  token: string
  machineIdentifier: string
}

/**
 * The fake PMS as plex.tv would list it, with the connections real servers have (issue 12): an
 * https address whose certificate does not fit (stand-in: TLS to the fake's plain http port, which
 * fails the same way: no usable answer), a local address on a closed port, the working local one,
 * and a relay (`localhost`, the same fake, ranked last).
 */
export async function fakeServerResource(
  pms: FakePmsEndpoint,
  options: { name?: string; httpsUrl?: string } = {},
): Promise<FakePlexTvServer> {
  const port = new URL(pms.url).port
  return {
    name: options.name ?? 'Fake Plex',
    clientIdentifier: pms.machineIdentifier,
    accessToken: pms.token,
    owned: true,
    connections: [
      { uri: `http://${FAKE_PLEX_HOST}:${await closedPort()}`, local: true, relay: false },
      { uri: options.httpsUrl ?? `https://${FAKE_PLEX_HOST}:${port}`, local: true, relay: false },
      { uri: `http://localhost:${port}`, local: false, relay: true },
      { uri: pms.url, local: true, relay: false },
    ],
  }
}

/** A loopback port nothing listens on (bound, then released). */
export function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, FAKE_PLEX_HOST, () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })
}
