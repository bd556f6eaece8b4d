import { describe, expect, it } from 'vitest'
import {
  childrenNamed,
  fake,
  firstJson,
  firstXml,
  getJson,
  getXml,
  type JsonObject,
  type XmlNode,
} from './support'

const COMMON = [
  'ratingKey',
  'key',
  'guid',
  'type',
  'title',
  'titleSort',
  'summary',
  'thumb',
  'art',
  'addedAt',
  'updatedAt',
]

function parts(item: XmlNode): XmlNode[] {
  return childrenNamed(item, 'Media').flatMap((media) => childrenNamed(media, 'Part'))
}

describe('fake Plex: items in XML', () => {
  const cases = [
    {
      type: 'movie',
      path: '/library/sections/1/all',
      tag: 'Video',
      extra: [
        'studio',
        'contentRating',
        'rating',
        'audienceRating',
        'year',
        'tagline',
        'duration',
        'originallyAvailableAt',
      ],
      file: /^\/data\/Movies\/.+ \(\d{4}\)\/.+\.mkv$/,
    },
    {
      type: 'show',
      path: '/library/sections/2/all',
      tag: 'Directory',
      extra: ['year', 'leafCount', 'viewedLeafCount', 'childCount', 'banner', 'theme', 'contentRating'],
    },
    {
      type: 'season',
      path: '/library/sections/2/all?type=3',
      tag: 'Directory',
      extra: ['parentRatingKey', 'parentKey', 'parentTitle', 'leafCount', 'viewedLeafCount', 'index'],
    },
    {
      type: 'episode',
      path: '/library/sections/2/all?type=4',
      tag: 'Video',
      extra: [
        'parentRatingKey',
        'grandparentRatingKey',
        'parentKey',
        'grandparentKey',
        'parentGuid',
        'grandparentGuid',
        'parentTitle',
        'grandparentTitle',
        'index',
        'parentIndex',
        'year',
        'duration',
        'originallyAvailableAt',
        'parentThumb',
        'grandparentThumb',
      ],
      file: /^\/data\/TV\/[^/]+\/Season \d\d\/[^/]+ - s\d\de\d\d - [^/]+\.mkv$/,
    },
    { type: 'artist', path: '/library/sections/3/all', tag: 'Directory', extra: [] },
    {
      type: 'album',
      path: '/library/sections/3/all?type=9',
      tag: 'Directory',
      extra: ['parentRatingKey', 'parentKey', 'parentTitle', 'year', 'leafCount', 'studio'],
    },
    {
      type: 'track',
      path: '/library/sections/3/all?type=10',
      tag: 'Track',
      extra: [
        'parentRatingKey',
        'grandparentRatingKey',
        'parentTitle',
        'grandparentTitle',
        'index',
        'parentIndex',
        'duration',
      ],
      file: /^\/data\/Music\/[^/]+\/[^/]+\/\d\d - [^/]+\.flac$/,
    },
    {
      type: 'photo',
      path: '/library/sections/4/all?type=13',
      tag: 'Photo',
      extra: ['parentRatingKey', 'year', 'originallyAvailableAt'],
      file: /^\/data\/Photos\/.+\.jpg$/,
    },
  ]

  for (const { type, path, tag, extra, file } of cases) {
    it(`renders a ${type} as <${tag}> with its attributes${file ? ' and Media/Part' : ''}`, async () => {
      const server = await fake({ dataset: { movies: 12 } })
      const item = await firstXml(server, path)
      expect(item.tag).toBe(tag)
      expect(item.attrs.type).toBe(type)
      expect(Object.keys(item.attrs)).toEqual(expect.arrayContaining([...COMMON, ...extra]))
      const hasChildren = !file
      expect(item.attrs.key).toBe(
        `/library/metadata/${item.attrs.ratingKey}${hasChildren ? '/children' : ''}`,
      )
      if (!file) {
        expect(childrenNamed(item, 'Media')).toEqual([])
        return
      }
      const [part] = parts(item)
      expect(part?.attrs.file).toMatch(file)
      expect(Number(part?.attrs.size)).toBeGreaterThan(0)
      expect(part?.attrs.key).toMatch(/^\/library\/parts\/\d+\/\d+\/file\.\w+$/)
    })
  }

  it('renders a photo album as a Directory of type photo with a composite', async () => {
    const server = await fake()
    const album = await firstXml(server, '/library/sections/4/all?type=14')
    expect(album.tag).toBe('Directory')
    expect(album.attrs).toMatchObject({
      type: 'photo',
      key: `/library/metadata/${album.attrs.ratingKey}/children`,
    })
    expect(album.attrs.composite).toMatch(/composite/)
  })

  it('has multi-part movies (one Media, two Parts) and multi-version movies (two Media)', async () => {
    const server = await fake({ dataset: { movies: 10 } })
    const movies = (await getXml(server, '/library/sections/1/all')).children
    const shapes = movies.map((movie) =>
      childrenNamed(movie, 'Media').map((m) => childrenNamed(m, 'Part').length),
    )
    expect(shapes).toContainEqual([2])
    expect(shapes).toContainEqual([1, 1])
    expect(shapes).toContainEqual([1])
  })

  it('escapes attributes and keeps non-ASCII titles intact', async () => {
    const server = await fake({ dataset: { movies: 10 } })
    const container = await getXml(server, '/library/sections/1/all')
    const titles = container.children.map((movie) => movie.attrs.title)
    expect(titles).toEqual(expect.arrayContaining(['Amélie', 'Léon', '千と千尋の神隠し', 'Øresund']))
    expect(titles).toContain('Crème Brûlée & "Friends" <Uncut>')
    const matrix = container.children.find((movie) => movie.attrs.title === 'The Matrix')
    expect(matrix?.attrs.titleSort).toBe('Matrix')
  })

  it('adds Guid children with includeGuids=1', async () => {
    const server = await fake({ dataset: { movies: 3 } })
    const movie = await firstXml(server, '/library/sections/1/all?includeGuids=1')
    expect(childrenNamed(movie, 'Guid').map((g) => g.attrs.id)).toContainEqual(
      expect.stringMatching(/^imdb:\/\/tt\d+$/),
    )
    const plain = await firstXml(server, '/library/sections/1/all')
    expect(childrenNamed(plain, 'Guid')).toEqual([])
  })
})

describe('fake Plex: items in JSON', () => {
  it('puts every item type in Metadata with string keys and integer numbers', async () => {
    const server = await fake({ dataset: { movies: 5 } })
    for (const path of [
      '/library/sections/1/all',
      '/library/sections/2/all',
      '/library/sections/2/all?type=4',
      '/library/sections/3/all?type=10',
      '/library/sections/4/all',
    ]) {
      const item = await firstJson(server, path)
      expect(typeof item.ratingKey, path).toBe('string')
      expect(typeof item.key, path).toBe('string')
      expect(typeof item.guid, path).toBe('string')
      for (const name of [
        'addedAt',
        'updatedAt',
        'year',
        'duration',
        'leafCount',
        'childCount',
        'index',
        'parentIndex',
      ]) {
        if (name in item) expect(Number.isInteger(item[name]), `${path} ${name}`).toBe(true)
      }
    }
    const movie = await firstJson(server, '/library/sections/1/all')
    expect(typeof movie.rating).toBe('number')
    const [media] = movie.Media as JsonObject[]
    const [part] = (media?.Part ?? []) as JsonObject[]
    expect(Number.isInteger(media?.id)).toBe(true)
    expect(Number.isInteger(part?.size)).toBe(true)
    expect(typeof part?.file).toBe('string')
    expect(movie.Genre).toEqual(expect.arrayContaining([{ tag: expect.any(String) }]))
  })

  it('gives a photo album and a photo both type "photo", only the photo with Media', async () => {
    const server = await fake()
    const top = (await getJson(server, '/library/sections/4/all')).Metadata ?? []
    expect(top.every((item) => item.type === 'photo')).toBe(true)
    const albums = top.filter((item) => String(item.key).endsWith('/children'))
    const photos = top.filter((item) => !String(item.key).endsWith('/children'))
    expect(albums.length).toBeGreaterThan(0)
    expect(photos.length).toBeGreaterThan(0)
    expect(albums.every((album) => album.Media === undefined)).toBe(true)
    expect(photos.every((photo) => Array.isArray(photo.Media))).toBe(true)
  })
})
