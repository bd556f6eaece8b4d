import { PlexServer } from '@ctrl/plex'
import type { FakePlexServer } from '../../src/fake-plex'
import { measureAsync } from '../service/measure'
import { assertBench, median } from '../stats'
import { ALL, upstreamItemRequests } from './requests'

export interface RealClientResults {
  direct: { sectionAll: Timed; query: Timed }
  proxy: { sectionAll: Timed; query: Timed }
  /** Item requests that reached the fake during the proxied runs (warm cache). */
  upstreamItemRequests: number
}

/** A median in ms, or why the client could not do it. */
export type Timed = { ms: number } | { error: string }

async function timed(rounds: number, run: () => Promise<number>, expected: number): Promise<Timed> {
  try {
    const samples = await measureAsync({
      warmup: 1,
      iterations: rounds,
      run,
      verify: (count) => assertBench(count === expected, `${count} of ${expected} items`),
    })
    return { ms: median(samples) }
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) }
  }
}

/**
 * @ctrl/plex's section.all() both ways, and its raw query() of the same listing (the request and
 * the JSON parse without its item classes, which throw on a Media without a Part: real servers
 * send those and so does the fake, while the proxy leaves them out).
 */
export async function measureRealClient(
  fake: FakePlexServer,
  proxyUrl: string,
  items: number,
  rounds: number,
): Promise<RealClientResults> {
  const connect = async (url: string) => {
    const server = new PlexServer(url, fake.token)
    await server.connect()
    return server
  }
  const sectionAll = async (url: string) => {
    const movies = await (await (await connect(url)).library()).section('Movies')
    return (await movies.all()).length
  }
  const rawQuery = async (url: string) => {
    const body = await (await connect(url)).query<{ MediaContainer: { Metadata: unknown[] } }>(ALL)
    return body.MediaContainer.Metadata.length
  }
  const direct = {
    sectionAll: await timed(rounds, () => sectionAll(fake.url), items),
    query: await timed(rounds, () => rawQuery(fake.url), items),
  }
  fake.controls.clearRequestLog()
  const proxy = {
    sectionAll: await timed(rounds, () => sectionAll(proxyUrl), items),
    query: await timed(rounds, () => rawQuery(proxyUrl), items),
  }
  return { direct, proxy, upstreamItemRequests: upstreamItemRequests(fake) }
}
