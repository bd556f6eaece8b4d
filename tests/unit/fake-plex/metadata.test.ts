import { describe, expect, it } from 'vitest'
import type { FakePlexServer } from '../../../src/fake-plex'
import { fake, firstJson, getJson, getXml } from './support'

describe('fake Plex: one item and its children', () => {
  it('serves /library/metadata/{rk} with the section named on container and item', async () => {
    const server = await fake({ dataset: { movies: 5 } })
    const listed = await firstJson(server, '/library/sections/1/all')
    const container = await getJson(server, `/library/metadata/${String(listed.ratingKey)}`)
    expect(container).toMatchObject({ size: 1, librarySectionID: 1, librarySectionTitle: 'Movies' })
    expect(container.Metadata?.[0]).toMatchObject({
      ...listed,
      librarySectionID: 1,
      librarySectionTitle: 'Movies',
    })
  })

  it('walks show → seasons → episodes and artist → albums → tracks, with counts that add up', async () => {
    const server = await fake({
      dataset: {
        shows: 1,
        seasonsPerShow: 3,
        episodesPerSeason: 4,
        artists: 1,
        albumsPerArtist: 2,
        tracksPerAlbum: 5,
      },
    })
    const show = await firstJson(server, '/library/sections/2/all')
    expect(show).toMatchObject({ childCount: 3, leafCount: 12 })
    const seasons = (await getJson(server, String(show.key))).Metadata ?? []
    expect(seasons.map((s) => s.index)).toEqual([1, 2, 3])
    const episodes = await getJson(server, String(seasons[1]?.key))
    expect(episodes.Metadata?.map((e) => [e.parentIndex, e.index])).toEqual([
      [2, 1],
      [2, 2],
      [2, 3],
      [2, 4],
    ])
    // A real quirk: the container's grandparentRatingKey is a number.
    expect(episodes.grandparentRatingKey).toBe(Number(show.ratingKey))
    const artist = await firstJson(server, '/library/sections/3/all')
    const albums = (await getJson(server, String(artist.key))).Metadata ?? []
    expect(albums).toHaveLength(2)
    const tracks = await getJson(
      server,
      `${String(albums[0]?.key)}?X-Plex-Container-Start=1&X-Plex-Container-Size=2`,
    )
    expect(tracks).toMatchObject({ size: 2, totalSize: 5, offset: 1 })
    expect(tracks.Metadata?.map((t) => t.index)).toEqual([2, 3])
  })

  it('is deterministic per seed, with ratingKeys unique across sections', async () => {
    const [a, b, c] = await Promise.all([
      fake({ dataset: { seed: 7 } }),
      fake({ dataset: { seed: 7 } }),
      fake({ dataset: { seed: 8 } }),
    ])
    const listing = async (server: FakePlexServer): Promise<string> => {
      const parts = await Promise.all(
        ['1', '2', '3', '4'].map((key) => getXml(server, `/library/sections/${key}/all`)),
      )
      return JSON.stringify(parts)
    }
    expect(await listing(a)).toBe(await listing(b))
    expect(await listing(a)).not.toBe(await listing(c))
    expect(a.machineIdentifier).toBe(b.machineIdentifier)
    const keys: unknown[] = []
    for (const path of [
      '1/all',
      '2/all',
      '2/all?type=3',
      '2/all?type=4',
      '3/all',
      '3/all?type=9',
      '3/all?type=10',
      '4/all?type=13',
      '4/all?type=14',
    ]) {
      keys.push(
        ...((await getJson(a, `/library/sections/${path}`)).Metadata ?? []).map((item) => item.ratingKey),
      )
    }
    expect(keys).toHaveLength(250 + 5 + 10 + 60 + 3 + 6 + 48 + 12 + 2)
    expect(new Set(keys).size).toBe(keys.length)
  })
})
