import { afterEach } from 'vitest'
import { startFakePlexTv, type FakePlexTv, type FakePlexTvOptions } from '../../src/fake-plex/plextv'

const running: FakePlexTv[] = []

afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()))
})

/** A fake plex.tv on loopback, closed after the test that started it. */
export async function fakePlexTv(options: FakePlexTvOptions = {}): Promise<FakePlexTv> {
  const server = await startFakePlexTv(options)
  running.push(server)
  return server
}
