import { describe, expect, it } from 'vitest'
import { childrenNamed, fake, getJson, getXml } from './support'

const EXPECTED = [
  {
    key: '1',
    type: 'movie',
    title: 'Movies',
    agent: 'tv.plex.agents.movie',
    scanner: 'Plex Movie',
    path: '/data/Movies',
  },
  {
    key: '2',
    type: 'show',
    title: 'TV Shows',
    agent: 'tv.plex.agents.series',
    scanner: 'Plex TV Series',
    path: '/data/TV',
  },
  {
    key: '3',
    type: 'artist',
    title: 'Music',
    agent: 'tv.plex.agents.music',
    scanner: 'Plex Music',
    path: '/data/Music',
  },
  {
    key: '4',
    type: 'photo',
    title: 'Photos',
    agent: 'com.plexapp.agents.none',
    scanner: 'Plex Photo Scanner',
    path: '/data/Photos',
  },
]

const SECTION_ATTRIBUTES = [
  'allowSync',
  'art',
  'composite',
  'filters',
  'refreshing',
  'thumb',
  'key',
  'type',
  'title',
  'agent',
  'scanner',
  'language',
  'uuid',
  'updatedAt',
  'createdAt',
  'scannedAt',
  'content',
  'directory',
  'contentChangedAt',
  'hidden',
]

describe('fake Plex: /library/sections', () => {
  it('lists the four sections in XML with every attribute, agent/scanner pair and Location', async () => {
    const server = await fake()
    const container = await getXml(server, '/library/sections')
    expect(container.attrs).toMatchObject({
      size: '4',
      allowSync: '0',
      identifier: 'com.plexapp.plugins.library',
      mediaTagPrefix: '/system/bundle/media/flags/',
      title1: 'Plex Library',
    })
    const directories = childrenNamed(container, 'Directory')
    expect(directories).toHaveLength(4)
    directories.forEach((directory, i) => {
      const expected = EXPECTED[i]!
      expect(Object.keys(directory.attrs)).toEqual(expect.arrayContaining(SECTION_ATTRIBUTES))
      expect(directory.attrs).toMatchObject({
        key: expected.key,
        type: expected.type,
        title: expected.title,
        agent: expected.agent,
        scanner: expected.scanner,
        hidden: '0',
        refreshing: '0',
        composite: `/library/sections/${expected.key}/composite/${directory.attrs.updatedAt}`,
      })
      expect(directory.attrs.uuid).toMatch(/^[0-9a-f-]{36}$/)
      expect(childrenNamed(directory, 'Location').map((l) => l.attrs)).toEqual([
        { id: expected.key, path: expected.path },
      ])
    })
  })

  it('types the JSON like Plex: string keys, integer times, boolean flags, but hidden as 0', async () => {
    const server = await fake()
    const container = await getJson(server, '/library/sections')
    expect(container).toMatchObject({ size: 4, allowSync: false, title1: 'Plex Library' })
    const sections = container.Directory as Record<string, unknown>[]
    expect(sections.map((s) => s.key)).toEqual(['1', '2', '3', '4'])
    for (const section of sections) {
      expect(typeof section.key).toBe('string')
      for (const name of ['updatedAt', 'createdAt', 'scannedAt', 'contentChangedAt']) {
        expect(Number.isInteger(section[name]), name).toBe(true)
      }
      for (const name of ['allowSync', 'filters', 'refreshing', 'content', 'directory']) {
        expect(typeof section[name], name).toBe('boolean')
      }
      expect(section.hidden).toBe(0)
      expect(section.Location).toEqual([
        { id: Number(section.key), path: expect.stringMatching(/^\/data\//) },
      ])
    }
    expect(sections.map((s) => s.contentChangedAt)).toEqual([
      ...new Set(sections.map((s) => s.contentChangedAt)),
    ])
  })

  it('serves the directory of one section', async () => {
    const server = await fake()
    const section = await getJson(server, '/library/sections/2')
    expect(section).toMatchObject({ librarySectionID: 2, title1: 'TV Shows' })
  })
})
