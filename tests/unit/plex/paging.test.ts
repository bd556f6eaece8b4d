import { describe, expect, it } from 'vitest'
import { PlexClient, PlexProtocolError, type FetchFunction } from '../../../src/main/plex'
import { PlexUnavailableError } from '../../../src/main/plex'
import { failureReason, fetchAllPages, pageLimit, type Page } from '../../../src/main/plex/paging'
import { movies, scriptedFetch } from './scripted-server'

function client(fetch: FetchFunction) {
  return new PlexClient({
    baseUrl: 'http://plex.test:32400',
    token: 'token',
    clientIdentifier: 'client-id',
    fetch,
    sleep: async () => {},
  })
}

describe('paging through a listing', () => {
  it('advances by what was received when the server forces smaller pages', async () => {
    const { fetch, calls } = scriptedFetch({ items: movies(230), maxPageSize: 40 })
    const progress: Array<{ fetched: number; total: number }> = []
    const items = await client(fetch).items('1', {
      pageSize: 100,
      sectionType: 'movie',
      onProgress: (p) => progress.push(p),
    })
    expect(items.map((item) => item.ratingKey)).toEqual(movies(230).map((item) => item.ratingKey))
    const starts = calls.map((call) => Number(call.query.get('X-Plex-Container-Start')))
    expect(starts).toEqual([0, 40, 80, 120, 160, 200])
    expect(progress.at(-1)).toEqual({ fetched: 230, total: 230 })
    expect(progress).toHaveLength(6)
  })

  it('asks one page ahead only where the last page length predicts, and drops a wrong guess', async () => {
    const lengths = [30, 30, 17, 30, 5, 30, 30, 30]
    let page = 0
    const { fetch, calls } = scriptedFetch({
      items: movies(180),
      pageLengthAt: () => lengths[page++ % lengths.length] ?? 30,
    })
    let pagesUsed = 0
    const items = await client(fetch).items('1', {
      pageSize: 30,
      sectionType: 'movie',
      onProgress: () => pagesUsed++,
    })
    // All items, in order, none twice and none skipped, although some guessed pages were dropped.
    expect(items.map((item) => item.ratingKey)).toEqual(movies(180).map((item) => item.ratingKey))
    expect(calls.length).toBeGreaterThan(pagesUsed)
  })

  it('keeps requests one at a time until the first page has answered', async () => {
    const { fetch, calls } = scriptedFetch({ items: movies(40) })
    await client(fetch).items('1', { pageSize: 100, sectionType: 'movie' })
    expect(calls).toHaveLength(1)
  })

  it('takes the total from the X-Plex-Container-Total-Size header when the body has none', async () => {
    const { fetch, calls } = scriptedFetch({ items: movies(250), total: 'header' })
    expect(await client(fetch).items('1', { pageSize: 100, sectionType: 'movie' })).toHaveLength(250)
    expect(calls).toHaveLength(3)
  })

  it('treats a response without any total as complete (a server that ignored paging)', async () => {
    const { fetch, calls } = scriptedFetch({ items: movies(30), total: 'none' })
    expect(await client(fetch).items('1', { pageSize: 100, sectionType: 'movie' })).toHaveLength(30)
    expect(calls).toHaveLength(1)
  })

  it('stops at an empty page even when the announced total is larger', async () => {
    const { fetch, calls } = scriptedFetch({ items: movies(120), announcedTotal: 500 })
    expect(await client(fetch).items('1', { pageSize: 50, sectionType: 'movie' })).toHaveLength(120)
    // Pages 0, 50, 100 and the empty 150, plus at most two asked ahead past the end.
    expect(calls.length).toBeLessThanOrEqual(6)
  })

  it('fails with a protocol error when the server ignores the start and repeats its first page', async () => {
    const { fetch, calls } = scriptedFetch({ items: movies(500), ignoreStart: true })
    await expect(client(fetch).items('1', { pageSize: 100, sectionType: 'movie' })).rejects.toThrow(
      PlexProtocolError,
    )
    expect(calls.length).toBeLessThanOrEqual(3)
  })

  it('fails with a protocol error when the announced total keeps growing while paging', async () => {
    let served = 0
    const pages = async (): Promise<Page<number>> => {
      served++
      return { items: [served], received: 10, totalSize: served * 10 + 1000, signature: `page ${served}` }
    }
    await expect(fetchAllPages(pages, { pageSize: 10 })).rejects.toThrow(
      /changed from 1010 to \d+ while paging/,
    )
    // Caught once it drifted past the margin (100 items), long before the page backstop.
    expect(served).toBeLessThanOrEqual(13)
    expect(served).toBeLessThan(pageLimit(1010, 10))
  })

  it('drops items without keys but still advances past them', async () => {
    const items = movies(10)
    delete items[3]?.key
    const { fetch, calls } = scriptedFetch({ items, maxPageSize: 5 })
    const result = await client(fetch).items('1', { pageSize: 5, sectionType: 'movie' })
    expect(result).toHaveLength(9)
    expect(calls).toHaveLength(2)
  })

  it('asks the server for the section type once to choose the leaf type', async () => {
    const { fetch, calls } = scriptedFetch({ items: [], sectionType: 'show' })
    const plex = client(fetch)
    expect(await plex.items('1')).toEqual([])
    await plex.items('1')
    expect(calls.filter((call) => call.path === '/library/sections')).toHaveLength(1)
    const listings = calls.filter((call) => call.path.endsWith('/all'))
    expect(listings.map((call) => call.query.get('type'))).toEqual(['4', '4'])
  })

  it('names a failed page in a few words for the progress', () => {
    const unavailable = (message: string, status?: number) =>
      new PlexUnavailableError(message, status === undefined ? {} : { status })
    expect(failureReason(unavailable('The Plex server did not answer GET /x within 15000 ms'))).toBe(
      'timed out',
    )
    expect(failureReason(unavailable('The Plex server stopped sending its answer to GET /x'))).toBe(
      'timed out',
    )
    expect(failureReason(unavailable('Could not talk to the Plex server: the connection was reset'))).toBe(
      'lost the connection',
    )
    expect(failureReason(unavailable('busy', 429))).toBe('was rate-limited (429)')
    expect(failureReason(unavailable('maintenance', 503))).toBe('failed (HTTP 503)')
  })
})
