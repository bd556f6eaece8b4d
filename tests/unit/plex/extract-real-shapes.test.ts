import { describe, expect, it } from 'vitest'
import { extractItem } from '../../../src/main/plex'

/** Shapes real servers send (plex-api-facts §9), reduced to what the cache keeps. */

const movie = (fields: Record<string, unknown>) => ({
  ratingKey: '5',
  key: '/library/metadata/5',
  type: 'movie',
  title: 'Heat',
  ...fields,
})

describe('extractItem on what real libraries contain', () => {
  it('marks the file of a Media with proxyType 42 as optimized, as a number or an XML-style string', () => {
    const item = extractItem(
      movie({
        Media: [
          { id: 1, Part: [{ file: '/m/Heat (1995)/Heat (1995).mp4', size: 10 }] },
          { id: 2, proxyType: 42, Part: [{ file: '/m/Heat (1995)/Copies/Heat.mp4', size: 4 }] },
          { id: 3, proxyType: '42', Part: [{ file: '/m/Heat (1995)/Copies/Heat 2.mp4' }] },
          { id: 4, proxyType: 1, Part: [{ file: '/m/Heat (1995)/Heat - 4K.mkv' }] },
        ],
      }),
    )
    expect(item?.files).toEqual([
      { path: '/m/Heat (1995)/Heat (1995).mp4', size: 10 },
      { path: '/m/Heat (1995)/Copies/Heat.mp4', size: 4, optimized: true },
      { path: '/m/Heat (1995)/Copies/Heat 2.mp4', optimized: true },
      { path: '/m/Heat (1995)/Heat - 4K.mkv' },
    ])
  })

  it('marks a file in a "Plex Versions" folder as optimized even without proxyType, on either kind of path', () => {
    const item = extractItem(
      movie({
        Media: [
          { Part: [{ file: '/data/Movies/Heat/Plex Versions/Optimized for TV/Heat.mp4' }] },
          { Part: [{ file: 'D:\\Movies\\Heat\\Plex Versions\\Optimized for Mobile\\Heat.mp4' }] },
          { Part: [{ file: '/data/Movies/My Plex Versions Talk.mkv' }] },
        ],
      }),
    )
    expect(item?.files.map((file) => file.optimized)).toEqual([true, true, undefined])
  })

  it('adds no file for a Media without a Part, and keeps the other Media', () => {
    const item = extractItem(
      movie({
        Media: [
          { id: 1, videoCodec: 'h264' },
          { id: 2, Part: [{ file: '/m/Heat.mkv' }] },
          { id: 3, Part: [] },
        ],
      }),
    )
    expect(item?.files).toEqual([{ path: '/m/Heat.mkv' }])
    expect(extractItem(movie({ Media: [{ id: 1 }] }))?.files).toEqual([])
  })

  it('keeps Windows backslash paths as they are', () => {
    const path = 'D:\\Movies\\Heat (1995)\\Heat (1995).mkv'
    expect(extractItem(movie({ Media: [{ Part: [{ file: path, size: '7' }] }] }))?.files).toEqual([
      { path, size: 7 },
    ])
  })

  it('keeps the imdb, tmdb and tvdb ids of the Guid children, and nothing for other agents', () => {
    const item = extractItem(
      movie({
        guid: 'plex://movie/5d776b59ad5437001f79c6f8',
        Guid: [
          { id: 'imdb://tt0113277' },
          { id: 'tmdb://949' },
          { id: 'tvdb://1234' },
          { id: 'imdb://tt9999999' },
          { id: 'anidb://42' },
          { id: 'not a guid' },
          { id: 42 },
          null,
        ],
      }),
    )
    expect(item?.guid).toBe('plex://movie/5d776b59ad5437001f79c6f8')
    expect(item?.externalIds).toEqual({ imdb: 'tt0113277', tmdb: '949', tvdb: '1234' })
  })

  it('leaves externalIds out when there are none, and drops ids too long to be real', () => {
    expect(extractItem(movie({}))).not.toHaveProperty('externalIds')
    expect(extractItem(movie({ Guid: [] }))).not.toHaveProperty('externalIds')
    expect(extractItem(movie({ Guid: [{ id: 'anidb://1' }] }))).not.toHaveProperty('externalIds')
    const item = extractItem(movie({ Guid: [{ id: `imdb://tt${'9'.repeat(500)}` }, { id: 'tmdb://949' }] }))
    expect(item?.externalIds).toEqual({ tmdb: '949' })
  })

  it('reads a clip like any playable item', () => {
    const item = extractItem({
      ratingKey: '77',
      key: '/library/metadata/77',
      type: 'clip',
      title: 'VID_0001',
      parentTitle: 'Family',
      year: 2019,
      Media: [{ container: 'mp4', Part: [{ file: '/data/Photos/Family/VID_0001.mp4', size: 1234 }] }],
    })
    expect(item).toEqual({
      ratingKey: '77',
      key: '/library/metadata/77',
      type: 'clip',
      title: 'VID_0001',
      parentTitle: 'Family',
      year: 2019,
      files: [{ path: '/data/Photos/Family/VID_0001.mp4', size: 1234 }],
    })
  })
})
