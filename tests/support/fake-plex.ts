import { afterEach } from 'vitest'
import { startFakePlex, type FakePlexOptions, type FakePlexServer } from '../../src/fake-plex'

const running: FakePlexServer[] = []

afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()))
})

/** A fake Plex server on loopback, closed after the test that started it. */
export async function fakePlex(options: FakePlexOptions = {}): Promise<FakePlexServer> {
  const server = await startFakePlex(options)
  running.push(server)
  return server
}
