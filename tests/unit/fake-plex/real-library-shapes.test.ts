import { describe, expect, it } from 'vitest'
import { CliUsageError, parseCliArgs } from '../../../src/fake-plex/cli-args'
import { childrenNamed, fake, getJson, getXml, type JsonObject } from './support'

/** What real libraries hold besides the plain cases (plex-api-facts §9), as the fake serves it. */

type Media = JsonObject & { Part?: JsonObject[] }

const mediaOf = (item: JsonObject | undefined): Media[] => (item?.Media ?? []) as Media[]

describe('fake Plex: what real libraries contain', () => {
  it('gives every tenth movie from the 10th an optimized copy: a Media with proxyType 42 under Plex Versions', async () => {
    const server = await fake({ dataset: { movies: 20 } })
    const movies = (await getJson(server, '/library/sections/1/all?sort=addedAt')).Metadata ?? []
    const optimized = movies.filter((movie) => mediaOf(movie).some((media) => media.proxyType === 42))
    expect(optimized).toHaveLength(2)
    for (const movie of optimized) {
      const media = mediaOf(movie)
      expect(media).toHaveLength(2)
      const original = media.find((candidate) => candidate.proxyType === undefined)
      const copy = media.find((candidate) => candidate.proxyType !== undefined)
      expect(copy).toMatchObject({ proxyType: 42, target: 'Optimized for TV', container: 'mp4' })
      const originalPath = String(original?.Part?.[0]?.file)
      const copyPath = String(copy?.Part?.[0]?.file)
      expect(copyPath).toMatch(/^\/data\/Movies\/[^/]+\/Plex Versions\/Optimized for TV\/[^/]+\.mp4$/)
      // Plex names the copy after the item, so it shares the mp4 original's file name.
      expect(copyPath.split('/').at(-1)).toBe(originalPath.split('/').at(-1))
    }
    const xml = await getXml(server, `/library/metadata/${String(optimized[0]?.ratingKey)}`)
    const xmlMedia = childrenNamed(xml.children[0]!, 'Media')
    expect(xmlMedia.map((media) => media.attrs.proxyType).sort()).toEqual(['42', undefined])
  })

  it('lists the optimized copy first on some movies: Plex promises no order of Media', async () => {
    const server = await fake({ dataset: { movies: 120 } })
    const movies = (await getJson(server, '/library/sections/1/all')).Metadata ?? []
    const firstProxyTypes = movies
      .filter((movie) => mediaOf(movie).some((media) => media.proxyType === 42))
      .map((movie) => mediaOf(movie)[0]?.proxyType)
    expect(firstProxyTypes).toHaveLength(12)
    expect(firstProxyTypes).toContain(42)
    expect(firstProxyTypes).toContain(undefined)
  })

  it('sends a Media without any Part on some movies, beside the one with the file', async () => {
    const server = await fake({ dataset: { movies: 12 } })
    const movies = (await getJson(server, '/library/sections/1/all')).Metadata ?? []
    const partless = movies.filter((movie) => mediaOf(movie).some((media) => media.Part === undefined))
    expect(partless).toHaveLength(1)
    const [withFile, without] = mediaOf(partless[0])
    expect(withFile?.Part).toHaveLength(1)
    expect(without).toMatchObject({ id: expect.any(Number), videoCodec: 'h264' })
  })

  it('puts type="clip" videos with files in the photo albums, listed by type 12 and as album children', async () => {
    const server = await fake({ dataset: { photos: 12, clips: 3 } })
    const clips = (await getJson(server, '/library/sections/4/all?type=12')).Metadata ?? []
    expect(clips.map((clip) => [clip.type, clip.title])).toEqual([
      ['clip', 'VID_0001'],
      ['clip', 'VID_0002'],
      ['clip', 'VID_0003'],
    ])
    for (const clip of clips) {
      expect(clip.parentTitle).toBeTruthy()
      expect(String(mediaOf(clip)[0]?.Part?.[0]?.file)).toMatch(/^\/data\/Photos\/[^/]+\/VID_\d{4}\.mp4$/)
      expect(clip.duration).toEqual(expect.any(Number))
    }
    const photos = (await getJson(server, '/library/sections/4/all?type=13')).Metadata ?? []
    expect(photos).toHaveLength(12)
    const album = String(clips[0]?.parentRatingKey)
    const children = (await getJson(server, `/library/metadata/${album}/children`)).Metadata ?? []
    expect(children.map((child) => child.type)).toEqual(expect.arrayContaining(['photo', 'clip']))
    const xml = await getXml(server, '/library/sections/4/all?type=12')
    expect(xml.children.map((node) => [node.tag, node.attrs.type])).toContainEqual(['Video', 'clip'])
  })

  it('adds clips by default only to a library with albums; asked for, they sit loose in the section', async () => {
    const none = await fake({ dataset: { photos: 0 } })
    expect((await getJson(none, '/library/sections/4/all')).Metadata).toBeUndefined()
    const loose = await fake({ dataset: { photos: 0, clips: 2 } })
    const top = (await getJson(loose, '/library/sections/4/all')).Metadata ?? []
    expect(top.map((item) => [item.type, item.title, item.parentRatingKey])).toEqual([
      ['clip', 'VID_0001', undefined],
      ['clip', 'VID_0002', undefined],
    ])
  })

  it('spells every generated path the Windows way with pathStyle "windows", locations included', async () => {
    const server = await fake({
      dataset: { movies: 10, shows: 1, artists: 1, photos: 6, pathStyle: 'windows' },
    })
    for (const path of [
      '/library/sections/1/all',
      '/library/sections/2/all?type=4',
      '/library/sections/3/all?type=10',
      '/library/sections/4/all?type=13',
      '/library/sections/4/all?type=12',
    ]) {
      const items = (await getJson(server, path)).Metadata ?? []
      const files = items.flatMap((item) => mediaOf(item).flatMap((media) => media.Part ?? []))
      expect(files.length, path).toBeGreaterThan(0)
      for (const part of files) expect(String(part.file), path).toMatch(/^D:\\[^/]+$/)
    }
    const movies = (await getJson(server, '/library/sections/1/all')).Metadata ?? []
    expect(String(mediaOf(movies[0])[0]?.Part?.[0]?.file)).toMatch(/^D:\\Movies\\[^\\]+\\[^\\]+\.mkv$/)
    const sections = (await getJson(server, '/library/sections')).Directory as JsonObject[]
    const locations = sections.map((section) => (section.Location as JsonObject[])[0]?.path)
    expect(locations).toEqual(['D:\\Movies', 'D:\\TV', 'D:\\Music', 'D:\\Photos'])
  })

  it('adds Guid children with imdb, tmdb and tvdb ids only when asked with includeGuids=1', async () => {
    const server = await fake({ dataset: { movies: 3, shows: 1 } })
    const plain = (await getJson(server, '/library/sections/1/all')).Metadata ?? []
    expect(plain.some((movie) => 'Guid' in movie)).toBe(false)
    const [movie] = (await getJson(server, '/library/sections/1/all?includeGuids=1')).Metadata ?? []
    expect(movie?.Guid).toEqual([
      { id: expect.stringMatching(/^imdb:\/\/tt\d+$/) },
      { id: expect.stringMatching(/^tmdb:\/\/\d+$/) },
    ])
    const [episode] = (await getJson(server, '/library/sections/2/all?type=4&includeGuids=1')).Metadata ?? []
    expect((episode?.Guid as JsonObject[]).map((guid) => String(guid.id).split('://')[0])).toEqual([
      'imdb',
      'tvdb',
    ])
  })

  it('keeps the same data for the same seed, optimized copies and clips included', async () => {
    const first = await fake({ dataset: { movies: 20, clips: 2 } })
    const second = await fake({ dataset: { movies: 20, clips: 2 } })
    for (const path of ['/library/sections/1/all', '/library/sections/4/all?type=12']) {
      expect(await getJson(second, path)).toEqual(await getJson(first, path))
    }
  })
})

describe('fake Plex command line: clips and Windows paths', () => {
  it('takes --clips and --path-style, and refuses a style it does not know', () => {
    expect(parseCliArgs(['--clips', '4', '--path-style=windows'])).toMatchObject({
      help: false,
      options: { dataset: { clips: 4, pathStyle: 'windows' } },
    })
    expect(() => parseCliArgs(['--path-style', 'mac'])).toThrow(CliUsageError)
  })
})
