import type { FakePlexServer } from '../../../src/fake-plex'
import { PlexClient, type PlexClientOptions } from '../../../src/main/plex'

export { fakePlex } from '../../support/fake-plex'
export type FakePlex = FakePlexServer

/** A real client over the real global fetch; backoff sleeps are skipped unless a test injects its own. */
export function clientFor(fake: FakePlex, options: Partial<PlexClientOptions> = {}): PlexClient {
  return new PlexClient({
    baseUrl: `${fake.url}/`,
    token: fake.token,
    clientIdentifier: '5d7e1c52-8f0b-4c8e-9a0e-2b6c1e9f4a11',
    fetch: (url, init) => fetch(url, init),
    sleep: async () => {},
    ...options,
  })
}

/** Header lookup that does not depend on how the fake spells the names in its log. */
export function header(headers: Record<string, unknown>, name: string): unknown {
  const found = Object.entries(headers).find(([key]) => key.toLowerCase() === name.toLowerCase())
  return found?.[1]
}
