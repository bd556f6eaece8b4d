import { describe, expect, it } from 'vitest'
import { clientFor, fakePlex } from './fake-server'

describe('PlexClient against the fake server: reading the library', () => {
  it('tests the connection: machine id, version, name and the four sections', async () => {
    const fake = await fakePlex()
    const info = await clientFor(fake).testConnection()
    expect(info.machineIdentifier).toBe(fake.machineIdentifier)
    expect(info.version).toMatch(/^\d+\.\d+/)
    expect(info.friendlyName).toBeTruthy()
    expect(info.sections.map((s) => [s.key, s.type, s.title])).toEqual([
      ['1', 'movie', 'Movies'],
      ['2', 'show', 'TV Shows'],
      ['3', 'artist', 'Music'],
      ['4', 'photo', 'Photos'],
    ])
  })

  it('lists sections with their change hints', async () => {
    const fake = await fakePlex()
    const [movies] = await clientFor(fake).sections()
    expect(movies).toMatchObject({ key: '1', type: 'movie', hidden: false, refreshing: false })
    expect(movies?.updatedAt).toEqual(expect.any(Number))
    expect(movies?.scannedAt).toEqual(expect.any(Number))
    expect(movies?.contentChangedAt).toEqual(expect.any(Number))
    expect(movies?.locations.length).toBeGreaterThan(0)
  })

  it('fetches a 2,500-movie section under forced paging of 50: all items, once each, with progress', async () => {
    const fake = await fakePlex({ dataset: { movies: 2500 }, maxPageSize: 50 })
    const progress: Array<{ fetched: number; total: number }> = []
    const items = await clientFor(fake).items('1', { pageSize: 100, onProgress: (p) => progress.push(p) })
    expect(items).toHaveLength(2500)
    expect(new Set(items.map((item) => item.ratingKey)).size).toBe(2500)
    expect(items.every((item) => item.type === 'movie' && item.files.length > 0)).toBe(true)
    expect(items.every((item) => item.files.every((file) => file.path.startsWith('/') && file.size))).toBe(
      true,
    )
    expect(progress).toHaveLength(50)
    expect(progress.at(-1)).toEqual({ fetched: 2500, total: 2500 })
    expect(await clientFor(fake).count('1')).toBe(2500)
  })

  it('returns the episodes of a show section, with show, season and episode numbers', async () => {
    const fake = await fakePlex({ dataset: { shows: 3, seasonsPerShow: 2, episodesPerSeason: 4 } })
    const episodes = await clientFor(fake).items('2', { pageSize: 7 })
    expect(episodes).toHaveLength(24)
    for (const episode of episodes) {
      expect(episode.type).toBe('episode')
      expect(episode.grandparentTitle).toBeTruthy()
      expect(episode.parentIndex).toEqual(expect.any(Number))
      expect(episode.index).toEqual(expect.any(Number))
      expect(episode.files.length).toBeGreaterThan(0)
    }
    expect(await clientFor(fake).count('2')).toBe(24)
  })

  it('returns the tracks of a music section, with their files', async () => {
    const fake = await fakePlex({ dataset: { artists: 2, albumsPerArtist: 2, tracksPerAlbum: 5 } })
    const tracks = await clientFor(fake).items('3')
    expect(tracks).toHaveLength(20)
    for (const track of tracks) {
      expect(track.type).toBe('track')
      expect(track.grandparentTitle).toBeTruthy()
      expect(track.parentTitle).toBeTruthy()
      expect(track.files[0]?.path).toMatch(/^\//)
    }
  })

  it('returns photos and clips, not albums, from a photo section', async () => {
    const fake = await fakePlex({ dataset: { photos: 12, clips: 2 } })
    const items = await clientFor(fake).items('4')
    expect(items.filter((item) => item.type === 'photo')).toHaveLength(12)
    expect(items.filter((item) => item.type === 'clip').length).toBeGreaterThan(0)
    expect(items.every((item) => ['photo', 'clip'].includes(item.type) && item.files.length > 0)).toBe(true)
  })

  it('returns [] for an empty section', async () => {
    const fake = await fakePlex({ dataset: { photos: 0 } })
    const plex = clientFor(fake)
    expect(await plex.items('4')).toEqual([])
    expect(await plex.count('4')).toBe(0)
  })

  it('keeps unicode titles and paths intact, and finds them case-insensitively', async () => {
    const fake = await fakePlex({ dataset: { movies: 20 } })
    const title = 'Ça Zyxwé — 千と千尋の神隠し'
    const ratingKey = fake.controls.addItem('1', {
      title,
      year: 2001,
      filePath: '/data/Movies/Ça Zyxwé (2001)/千と千尋.mkv',
    })
    const plex = clientFor(fake)
    const added = (await plex.items('1')).find((item) => item.ratingKey === String(ratingKey))
    expect(added).toMatchObject({ title, year: 2001 })
    expect(added?.files[0]?.path).toBe('/data/Movies/Ça Zyxwé (2001)/千と千尋.mkv')
    const found = await plex.search('1', 'ZYXWÉ')
    expect(found.map((item) => item.title)).toEqual([title])
  })

  it('searches a section by title substring', async () => {
    const fake = await fakePlex({ dataset: { movies: 60 } })
    const plex = clientFor(fake)
    const [first] = await plex.items('1', { pageSize: 1 })
    const word = first?.title.split(' ')[0] ?? ''
    const found = await plex.search('1', word.toLowerCase(), { pageSize: 5 })
    expect(found.length).toBeGreaterThan(0)
    expect(found.every((item) => item.title.toLowerCase().includes(word.toLowerCase()))).toBe(true)
    expect(await plex.search('1', 'no title contains this')).toEqual([])
  })
})
