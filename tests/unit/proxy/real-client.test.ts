/**
 * Issue 14 §7: a Plex client nobody on this project wrote (@ctrl/plex, a TypeScript port of
 * python-plexapi) talks to the proxy exactly as it would to Plex, against the fake server.
 * @ctrl/plex asks for JSON (it sends Accept: application/json), so these answers are the JSON form.
 */
import { Episode, PlexServer, Track, type Movie } from '@ctrl/plex'
import { afterEach, describe, expect, it } from 'vitest'
import type { FakePlexServer } from '../../../src/fake-plex'
import { startCacheProxy, type CacheProxy } from '../../../src/main/proxy'
import { ManualClock } from '../../support/manual-clock'
import { fakePlex, openCore } from '../service/support'

const SHARED = { name: 'bob', token: 'bob-shared-token', sections: ['1'] }
const DATASET = {
  movies: 30,
  shows: 2,
  seasonsPerShow: 2,
  episodesPerSeason: 3,
  artists: 2,
  albumsPerArtist: 2,
  tracksPerAlbum: 4,
  photos: 0,
}

const proxies: CacheProxy[] = []
afterEach(async () => {
  await Promise.all(proxies.splice(0).map((proxy) => proxy.close()))
})

interface Setup {
  fake: FakePlexServer
  clock: ManualClock
  proxy: CacheProxy
  /** The real client pointed at the proxy, with the owner's token unless another is given. */
  client(token?: string): Promise<PlexServer>
  /** The same client pointed straight at the fake, for comparison. */
  direct(): Promise<PlexServer>
}

async function setup(): Promise<Setup> {
  const fake = await fakePlex({ dataset: DATASET, sharedUsers: [SHARED] })
  const clock = new ManualClock(Date.now())
  const core = openCore(fake, { clock: clock.now })
  const proxy = await startCacheProxy({ service: core.service, port: 0 })
  proxies.push(proxy)
  const connected = async (url: string, token: string) => {
    const server = new PlexServer(url, token)
    await server.connect()
    return server
  }
  return {
    fake,
    clock,
    proxy,
    client: (token = fake.token) => connected(proxy.url, token),
    direct: () => connected(fake.url, fake.token),
  }
}

/** What a file-matching tool takes from a listing: each item's key, title and files with sizes. */
function filesOf(items: ReadonlyArray<Movie | Episode | Track>) {
  return items
    .map((item) => ({
      ratingKey: String(item.ratingKey),
      title: item.title,
      files: (item.media ?? []).flatMap((media) => media.parts.map((part) => [part.file, Number(part.size)])),
    }))
    .sort((a, b) => a.ratingKey.localeCompare(b.ratingKey))
}

async function everyLibrary(server: PlexServer) {
  const sections = await (await server.library()).sections()
  const byTitle = (title: string) => sections.find((section) => section.title === title)!
  return {
    titles: sections.map((section) => section.title),
    movies: filesOf((await byTitle('Movies').all()) as Movie[]),
    episodes: filesOf(await byTitle('TV Shows').search({ type: 4 }, Episode)),
    tracks: filesOf(await byTitle('Music').search({ type: 10 }, Track)),
  }
}

interface RawItem {
  ratingKey: string
  title: string
  Media?: Array<{ Part?: Array<{ file: string; size: number }> }>
}

/**
 * The same listings straight from the fake, read raw through the client's query(): @ctrl/plex's
 * item classes throw on a Media without a Part, which real servers send and the fake does too (the
 * proxy leaves such a Media out, as it carries no file).
 */
async function everyLibraryRaw(server: PlexServer) {
  const listing = async (path: string) => {
    const body = await server.query<{ MediaContainer: { Metadata: RawItem[] } }>(path)
    return body.MediaContainer.Metadata.map((item) => ({
      ratingKey: String(item.ratingKey),
      title: item.title,
      files: (item.Media ?? []).flatMap((media) =>
        (media.Part ?? []).map((part) => [part.file, Number(part.size)]),
      ),
    })).sort((a, b) => a.ratingKey.localeCompare(b.ratingKey))
  }
  const sections = await (await server.library()).sections()
  return {
    titles: sections.map((section) => section.title),
    movies: await listing('/library/sections/1/all'),
    episodes: await listing('/library/sections/2/all?type=4'),
    tracks: await listing('/library/sections/3/all?type=10'),
  }
}

/** Requests for items that reached the fake (not counts, not the section list). */
function upstreamItemRequests(fake: FakePlexServer) {
  return fake.controls
    .requestLog()
    .filter(
      (entry) => /\/(all|search)$/.test(entry.path) && entry.plexHeaders['X-Plex-Container-Size'] !== '0',
    )
}

const statusOf = (error: unknown) => (error as { statusCode?: number }).statusCode

describe('@ctrl/plex through the proxy', () => {
  it('lists every library (movies, show episodes, music tracks) with every item and its files', async () => {
    const { client, direct } = await setup()
    const through = await everyLibrary(await client())
    const straight = await everyLibraryRaw(await direct())
    // @ctrl/plex builds movie, show and music sections only: the (empty) Photos library is not among them.
    expect(through.titles).toEqual(['Movies', 'TV Shows', 'Music'])
    expect(through.movies).toHaveLength(30)
    expect(through.episodes).toHaveLength(2 * 2 * 3)
    expect(through.tracks).toHaveLength(2 * 2 * 4)
    for (const item of [...through.movies, ...through.episodes, ...through.tracks]) {
      expect(item.files.length).toBeGreaterThan(0)
      for (const [file, size] of item.files) {
        expect(file).toMatch(/^\/data\//)
        expect(size).toBeGreaterThan(0)
      }
    }
    expect(through).toEqual(straight)
  })

  it('answers a title search from a warm cache with no item request reaching Plex', async () => {
    const { fake, client, direct } = await setup()
    const server = await client()
    const movies = (await (await server.library()).sections()).find((section) => section.title === 'Movies')!
    const all = (await movies.all()) as Movie[]
    const wanted = all[7]!.title!
    const directMovies = (await (await (await direct()).library()).sections())[0]!
    const expected = (await directMovies.search({ title: wanted })) as Movie[]
    fake.controls.clearRequestLog()

    const found = (await movies.search({ title: wanted })) as Movie[]
    expect(found.map((item) => item.title)).toContain(wanted)
    expect(filesOf(found)).toEqual(filesOf(expected))
    // Once more with different case (Plex's rule is case-blind): still nothing for Plex to list.
    expect(filesOf((await movies.search({ title: wanted.toUpperCase() })) as Movie[])).toEqual(
      filesOf(expected),
    )
    expect(upstreamItemRequests(fake)).toEqual([])
  })

  it('passes a partial item’s reload and a write through to Plex', async () => {
    const { fake, client } = await setup()
    const server = await client()
    const movies = (await (await server.library()).sections()).find((section) => section.title === 'Movies')!
    const movie = ((await movies.all()) as Movie[])[3]!
    fake.controls.clearRequestLog()

    await movie.reload()
    const reload = fake.controls.requestLog().filter((entry) => entry.method === 'GET')
    expect(reload.map((entry) => entry.path)).toEqual([`/library/metadata/${movie.ratingKey}`])
    expect(reload[0]!.tokenHolder).toBe('owner')
    expect(movie.title).toBeDefined()

    // @ctrl/plex's own edit() aims at a route the fake does not serve; the same PUT Plex Web sends does.
    await server.query(
      `/library/metadata/${movie.ratingKey}?title.value=Renamed%20through%20the%20proxy`,
      'put',
    )
    const put = fake.controls.requestLog().find((entry) => entry.method === 'PUT')
    expect(put).toMatchObject({
      path: `/library/metadata/${movie.ratingKey}`,
      status: 200,
      tokenHolder: 'owner',
    })
    await movie.reload()
    expect(movie.title).toBe('Renamed through the proxy')
  })

  it('with Plex down, still lists from the cache (stale), and passed-through requests get a Plex-like 503', async () => {
    const { fake, clock, client } = await setup()
    const server = await client()
    const movies = (await (await server.library()).sections()).find((section) => section.title === 'Movies')!
    const before = filesOf((await movies.all()) as Movie[])
    const movie = ((await movies.all()) as Movie[])[0]!

    fake.controls.setDropConnections(true)
    clock.advanceSeconds(2 * 3600) // past the one-hour library TTL: only a stale copy is left
    expect(filesOf((await movies.all()) as Movie[])).toEqual(before)

    const reload = movie.reload()
    await expect(reload).rejects.toThrow()
    expect(statusOf(await reload.catch((error: unknown) => error))).toBe(503)
  })

  it('shows a shared user only its sections, and refuses the others as Plex does', async () => {
    const { client } = await setup()
    const bob = await client(SHARED.token)
    const sections = await (await bob.library()).sections()
    expect(sections.map((section) => section.title)).toEqual(['Movies'])
    expect((await sections[0]!.all()).length).toBe(30)

    const music = bob.query('/library/sections/3/all?type=10')
    await expect(music).rejects.toThrow()
    expect(statusOf(await music.catch((error: unknown) => error))).toBe(401)
  })

  it('refuses a wrong token with 401, as Plex does', async () => {
    const { proxy } = await setup()
    const server = new PlexServer(proxy.url, 'not-a-token-plex-knows')
    const sections = server.query('/library/sections')
    await expect(sections).rejects.toThrow()
    expect(statusOf(await sections.catch((error: unknown) => error))).toBe(401)
    const listing = server.query('/library/sections/1/all')
    expect(statusOf(await listing.catch((error: unknown) => error))).toBe(401)
  })
})
