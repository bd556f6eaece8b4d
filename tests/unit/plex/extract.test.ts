import { describe, expect, it } from 'vitest'
import { extractItem, extractSection, PlexProtocolError } from '../../../src/main/plex'

describe('extractItem', () => {
  it('keeps the fields the cache needs and every part of every media', () => {
    const item = extractItem({
      ratingKey: '1101',
      key: '/library/metadata/1101',
      guid: 'plex://movie/fake1101',
      type: 'movie',
      title: 'Fake Movie 101',
      year: 2008,
      addedAt: 1690000500,
      updatedAt: 1690000600,
      summary: 'not kept',
      Genre: [{ tag: 'Drama' }],
      Media: [
        {
          id: 1,
          Part: [
            { id: 11, file: '/data/Movies/Film (2008)/part1.mkv', size: 1000 },
            { id: 12, file: '/data/Movies/Film (2008)/part2.mkv', size: 2000 },
          ],
        },
        { id: 2, Part: [{ id: 21, file: '/data/Movies/Film (2008)/Film 4K.mkv', size: 9000 }] },
      ],
    })
    expect(item).toEqual({
      ratingKey: '1101',
      key: '/library/metadata/1101',
      guid: 'plex://movie/fake1101',
      type: 'movie',
      title: 'Fake Movie 101',
      year: 2008,
      addedAt: 1690000500,
      updatedAt: 1690000600,
      files: [
        { path: '/data/Movies/Film (2008)/part1.mkv', size: 1000 },
        { path: '/data/Movies/Film (2008)/part2.mkv', size: 2000 },
        { path: '/data/Movies/Film (2008)/Film 4K.mkv', size: 9000 },
      ],
    })
  })

  it('coerces numbers sent as strings, and ids sent as numbers', () => {
    const item = extractItem({
      ratingKey: 2001,
      key: '/library/metadata/2001',
      type: 'episode',
      title: 'Pilot',
      grandparentTitle: 'Show',
      parentTitle: 'Season 1',
      year: '2010',
      index: '1',
      parentIndex: '1',
      addedAt: '1690000000',
      Media: [{ Part: [{ file: '/tv/Show/S01E01.mkv', size: '123456789012' }] }],
    })
    expect(item).toMatchObject({
      ratingKey: '2001',
      year: 2010,
      index: 1,
      parentIndex: 1,
      addedAt: 1690000000,
      grandparentTitle: 'Show',
      parentTitle: 'Season 1',
      files: [{ path: '/tv/Show/S01E01.mkv', size: 123456789012 }],
    })
  })

  it('drops an item without a key or ratingKey, and anything that is not an object', () => {
    expect(extractItem({ ratingKey: '1', title: 'no key' })).toBeNull()
    expect(extractItem({ key: '/library/metadata/1', title: 'no rating key' })).toBeNull()
    expect(extractItem(null)).toBeNull()
    expect(extractItem('item')).toBeNull()
    expect(extractItem([])).toBeNull()
  })

  it('copes with missing or odd Media, Part, size and title', () => {
    const item = extractItem({
      ratingKey: '5',
      key: '/library/metadata/5/children',
      year: 'unknown',
      Media: [null, { Part: 'not an array' }, { Part: [{ file: '/a.mkv', size: 'big' }, { size: 3 }] }],
    })
    expect(item).toEqual({
      ratingKey: '5',
      key: '/library/metadata/5/children',
      type: '',
      title: '',
      files: [{ path: '/a.mkv' }],
    })
    expect(extractItem({ ratingKey: '6', key: '/k', type: 'show', title: 'Show' })?.files).toEqual([])
  })
})

describe('extractSection', () => {
  it('reads flags sent as 0/1, true/false or strings, and the locations', () => {
    const section = extractSection({
      key: '1',
      type: 'movie',
      title: 'Movies',
      updatedAt: '1700000100',
      scannedAt: 1700000100,
      contentChangedAt: 4711,
      hidden: 0,
      refreshing: 'true',
      Location: [{ id: 1, path: '/data/Movies' }, { id: 2 }],
    })
    expect(section).toEqual({
      key: '1',
      type: 'movie',
      title: 'Movies',
      updatedAt: 1700000100,
      scannedAt: 1700000100,
      contentChangedAt: 4711,
      hidden: false,
      refreshing: true,
      locations: ['/data/Movies'],
    })
    expect(extractSection({ key: 2, type: 'show', hidden: '1', refreshing: false })).toMatchObject({
      key: '2',
      hidden: true,
      refreshing: false,
    })
    expect(extractSection({ title: 'no key' })).toBeNull()
  })
})

describe('oversized identifiers', () => {
  it('reject a section key or ratingKey far longer than any Plex sends, as a protocol error', () => {
    const longest = '7'.repeat(255)
    expect(extractSection({ key: longest, title: 'ok' })?.key).toBe(longest)
    expect(extractItem({ ratingKey: longest, key: '/library/metadata/1' })?.ratingKey).toBe(longest)

    const sectionFailure = (() => {
      try {
        extractSection({ key: 'k'.repeat(3000), title: 'Huge' })
      } catch (error) {
        return error
      }
    })()
    expect(sectionFailure).toBeInstanceOf(PlexProtocolError)
    expect((sectionFailure as Error).message).toMatch(/section key of 3000 characters/)
    expect((sectionFailure as Error).message).not.toContain('kkk')

    expect(() => extractItem({ ratingKey: '1'.repeat(256), key: '/library/metadata/1' })).toThrow(
      PlexProtocolError,
    )
    // An item's key is a path, not an identifier the cache indexes: left alone.
    const longKey = `/library/metadata/1/${'x'.repeat(2000)}`
    expect(extractItem({ ratingKey: '1', key: longKey })?.key).toBe(longKey)
  })
})
