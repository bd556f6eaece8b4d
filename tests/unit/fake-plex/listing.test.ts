import { describe, expect, it } from 'vitest'
import { fake, get, getJson, getXml, pagingQuery } from './support'

const MOVIES = '/library/sections/1/all'

describe('fake Plex: listing a section', () => {
  it('pages by query parameters with size/totalSize/offset in the body and the headers', async () => {
    const server = await fake()
    const response = await get(server, `${MOVIES}?${pagingQuery(100, 2)}`, { json: true })
    expect(response.headers.get('x-plex-container-start')).toBe('100')
    expect(response.headers.get('x-plex-container-total-size')).toBe('250')
    const { MediaContainer: page } = (await response.json()) as { MediaContainer: Record<string, unknown> }
    expect(page).toMatchObject({
      size: 2,
      totalSize: 250,
      offset: 100,
      librarySectionID: 1,
      viewGroup: 'movie',
    })
    expect(page.Metadata).toHaveLength(2)
  })

  it('pages by headers exactly as by query parameters, and the pages tile the whole listing', async () => {
    const server = await fake({ dataset: { movies: 23 } })
    const all = (await getJson(server, MOVIES)).Metadata ?? []
    expect(all).toHaveLength(23)
    const collected: unknown[] = []
    for (let start = 0; start < 23; start += 10) {
      const headers = { 'X-Plex-Container-Start': String(start), 'X-Plex-Container-Size': '10' }
      const byHeader = await getJson(server, MOVIES, { headers })
      const byQuery = await getJson(server, `${MOVIES}?${pagingQuery(start, 10)}`)
      expect(byHeader).toEqual(byQuery)
      expect(byHeader).toMatchObject({ totalSize: 23, offset: start, size: Math.min(10, 23 - start) })
      collected.push(...(byHeader.Metadata ?? []))
    }
    expect(collected).toEqual(all)
  })

  it('counts with size=0, returns empty pages past the end, and leaves Metadata out of empty JSON pages', async () => {
    const server = await fake()
    const count = await getJson(server, `${MOVIES}?${pagingQuery(0, 0)}`)
    expect(count).toMatchObject({ size: 0, totalSize: 250, offset: 0 })
    expect(count).not.toHaveProperty('Metadata')
    const past = await getJson(server, `${MOVIES}?${pagingQuery(250, 50)}`)
    expect(past).toMatchObject({ size: 0, totalSize: 250, offset: 250 })
    expect(past).not.toHaveProperty('Metadata')
    const last = await getJson(server, `${MOVIES}?${pagingQuery(240, 50)}`)
    expect(last).toMatchObject({ size: 10, totalSize: 250 })
    const xml = await getXml(server, `${MOVIES}?${pagingQuery(999, 5)}`)
    expect(xml.attrs).toMatchObject({ size: '0', totalSize: '250', offset: '999', title1: 'Movies' })
    expect(xml.children).toEqual([])
  })

  it('returns everything without paging parameters, leaving totalSize out', async () => {
    const server = await fake({ dataset: { movies: 40 } })
    const all = await getJson(server, MOVIES)
    expect(all.size).toBe(40)
    expect(all).not.toHaveProperty('totalSize')
    expect((await get(server, MOVIES)).headers.get('x-plex-container-total-size')).toBeNull()
  })

  it('caps with limit before paging', async () => {
    const server = await fake()
    expect(await getJson(server, `${MOVIES}?limit=5&${pagingQuery(0, 100)}`)).toMatchObject({
      size: 5,
      totalSize: 5,
    })
    expect(await getJson(server, `${MOVIES}?limit=5&${pagingQuery(3, 100)}`)).toMatchObject({
      size: 2,
      totalSize: 5,
    })
    expect(await getJson(server, `${MOVIES}?limit=999&${pagingQuery(0, 0)}`)).toMatchObject({
      totalSize: 250,
    })
  })

  it('forces paging at maxPageSize, from the option and from the control', async () => {
    const server = await fake({ maxPageSize: 50 })
    expect(await getJson(server, MOVIES)).toMatchObject({ size: 50, totalSize: 250, offset: 0 })
    expect(await getJson(server, `${MOVIES}?${pagingQuery(225, 100)}`)).toMatchObject({
      size: 25,
      offset: 225,
    })
    server.controls.setMaxPageSize(7)
    expect(await getJson(server, `${MOVIES}?${pagingQuery(0, 100)}`)).toMatchObject({
      size: 7,
      totalSize: 250,
    })
    server.controls.setMaxPageSize(null)
    expect((await getJson(server, `${MOVIES}?${pagingQuery(0, 100)}`)).size).toBe(100)
  })

  it('answers 400 for negative or non-numeric paging, limit and type', async () => {
    const server = await fake()
    for (const query of [
      'X-Plex-Container-Start=-1',
      'X-Plex-Container-Size=abc',
      'X-Plex-Container-Size=1.5',
      'limit=-3',
      'type=movie',
      'sort=bogus',
    ]) {
      expect((await get(server, `${MOVIES}?${query}`)).status, query).toBe(400)
    }
    const response = await get(server, MOVIES, { headers: { 'X-Plex-Container-Start': 'x' } })
    expect(response.status).toBe(400)
  })

  it('selects by type number, with each section defaulting to its main type', async () => {
    const server = await fake()
    const total = async (path: string): Promise<unknown> =>
      (await getJson(server, `${path}&${pagingQuery(0, 0)}`)).totalSize
    expect(await total('/library/sections/1/all?type=1')).toBe(250)
    expect(await total('/library/sections/2/all?x=1')).toBe(5)
    expect(await total('/library/sections/2/all?type=3')).toBe(10)
    expect(await total('/library/sections/2/all?type=4')).toBe(60)
    expect(await total('/library/sections/3/all?x=1')).toBe(3)
    expect(await total('/library/sections/3/all?type=9')).toBe(6)
    expect(await total('/library/sections/3/all?type=10')).toBe(48)
    expect(await total('/library/sections/4/all?type=13')).toBe(12)
    expect(await total('/library/sections/4/all?type=14')).toBe(2)
    // Photo default: albums plus the photos in no album (12 photos, 8 of them in the 2 albums).
    expect(await total('/library/sections/4/all?x=1')).toBe(2 + 4)
    // A type that does not fit the section gives an empty container, not an error.
    expect(await total('/library/sections/1/all?type=3')).toBe(0)
    expect(await total('/library/sections/2/all?type=10')).toBe(0)
    expect(await total('/library/sections/1/all?type=18')).toBe(0)
  })

  it('filters by case-insensitive title substring, unicode included', async () => {
    const server = await fake()
    const titles = async (query: string): Promise<unknown[]> =>
      ((await getJson(server, `${MOVIES}?title=${encodeURIComponent(query)}`)).Metadata ?? []).map(
        (m) => m.title,
      )
    expect(await titles('AMÉLIE')).toEqual(['Amélie'])
    expect(await titles('千と千尋')).toEqual(['千と千尋の神隠し'])
    expect(await titles('øresund')).toEqual(['Øresund'])
    expect(await titles('zzz-nothing')).toEqual([])
    const rivers = await titles('river')
    expect(rivers.length).toBeGreaterThan(0)
    expect(rivers.every((t) => String(t).toLowerCase().includes('river'))).toBe(true)
    const paged = await getJson(server, `${MOVIES}?title=river&${pagingQuery(0, 1)}`)
    expect(paged).toMatchObject({ size: 1, totalSize: rivers.length })
    const legacy = await getJson(server, '/library/sections/1/search?type=1&query=river')
    expect(legacy.Metadata?.map((m) => m.title)).toEqual(rivers)
  })

  it('sorts by titleSort by default, and by addedAt:desc, year or a comma list on request', async () => {
    const server = await fake({ dataset: { movies: 60 } })
    const list = async (sort: string): Promise<Record<string, unknown>[]> =>
      (await getJson(server, `${MOVIES}${sort}`)).Metadata ?? []
    const byTitle = await list('')
    expect(await list('?sort=titleSort')).toEqual(byTitle)
    expect(await list('?sort=titleSort:asc')).toEqual(byTitle)
    const sortTitles = byTitle.map((m) => String(m.titleSort).toLowerCase())
    const ascii = sortTitles.filter((t) => /^[a-z0-9 ]+$/.test(t))
    expect(ascii).toEqual([...ascii].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })))
    const positions = (title: string): number => byTitle.findIndex((m) => m.title === title)
    expect(positions('The Matrix')).toBeGreaterThan(positions('Léon'))
    expect(positions('Øresund')).toBeLessThan(positions('Ποτάμι 🌊'))
    const added = (await list('?sort=addedAt:desc')).map((m) => Number(m.addedAt))
    expect(added).toEqual([...added].sort((a, b) => b - a))
    const years = (await list('?sort=year,titleSort')).map((m) => Number(m.year))
    expect(years).toEqual([...years].sort((a, b) => a - b))
    expect(new Set(byTitle.map((m) => m.ratingKey)).size).toBe(60)
  })
})

describe('fake Plex: hub search', () => {
  it('groups title matches into hubs per type, limited per hub', async () => {
    const server = await fake()
    const result = await getJson(
      server,
      '/hubs/search?query=the&limit=2&includeCollections=1&includeExternalMedia=1',
    )
    const hubs = result.Hub as Record<string, unknown>[]
    expect(result.size).toBe(hubs.length)
    expect(hubs.map((h) => h.type)).toEqual([
      'movie',
      'show',
      'season',
      'episode',
      'artist',
      'album',
      'track',
      'photo',
    ])
    const movies = hubs[0]!
    expect(movies).toMatchObject({
      title: 'Movies',
      hubIdentifier: 'movie',
      size: 2,
      more: true,
      style: 'shelf',
    })
    for (const item of movies.Metadata as Record<string, unknown>[]) {
      expect(String(item.title).toLowerCase()).toContain('the')
      expect(item).toMatchObject({
        librarySectionID: 1,
        librarySectionKey: '/library/sections/1',
        librarySectionTitle: 'Movies',
      })
      // A real server sends the score as a string, in JSON too (plex-api-facts §9).
      expect(item.score).toMatch(/^\d\.\d{5}$/)
    }
    const empty = hubs.find((h) => h.size === 0)
    if (empty) expect(empty).not.toHaveProperty('Metadata')
  })

  it('narrows to one section, defaults to 3 per hub, and matches unicode case-insensitively', async () => {
    const server = await fake()
    const xml = await getXml(server, '/hubs/search?query=AMÉL&sectionId=1')
    expect(xml.children.map((hub) => hub.attrs.type)).toEqual(['movie'])
    expect(xml.children[0]?.children.map((item) => [item.tag, item.attrs.title])).toEqual([
      ['Video', 'Amélie'],
    ])
    const defaults = await getJson(server, '/hubs/search?query=e&sectionId=1')
    expect((defaults.Hub as Record<string, unknown>[])[0]).toMatchObject({ size: 3, more: true })
  })

  it('adds genre and actor hubs of Directory tags when their names match, scored as strings', async () => {
    const server = await fake()
    const result = await getJson(server, '/hubs/search?query=dram')
    const hubs = result.Hub as Record<string, unknown>[]
    const genres = hubs.find((hub) => hub.type === 'genre')
    expect(genres).toMatchObject({ hubIdentifier: 'genre', size: 2 })
    expect(genres).not.toHaveProperty('Metadata')
    const tags = genres?.Directory as Record<string, unknown>[]
    expect(tags.map((tag) => [tag.tag, tag.librarySectionTitle, tag.score])).toEqual([
      ['Drama', 'Movies', '0.90000'],
      ['Drama', 'TV Shows', '0.90000'],
    ])
    expect(tags[0]).toMatchObject({ type: 'tag', tagType: 1, key: expect.stringMatching(/\?genre=\d+$/) })
    expect(hubs.some((hub) => hub.type === 'actor')).toBe(false)
    const xml = await getXml(server, '/hubs/search?query=frank%20doe')
    const actors = xml.children.find((hub) => hub.attrs.type === 'actor')
    expect(actors?.children.map((tag) => [tag.tag, tag.attrs.tag, tag.attrs.score])).toEqual([
      ['Directory', 'Frank Doe', '1.00000'],
    ])
  })

  it('answers 400 without a query', async () => {
    const server = await fake()
    expect((await get(server, '/hubs/search')).status).toBe(400)
    expect((await get(server, '/hubs/search?query=')).status).toBe(400)
  })
})
