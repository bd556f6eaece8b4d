import { describe, expect, it } from 'vitest'
import { PlexClient, type FetchFunction, type ItemsProgress } from '../../../src/main/plex'
import { clientFor, fakePlex } from './fake-server'
import { json, movies } from './scripted-server'

type Log = ReturnType<Awaited<ReturnType<typeof fakePlex>>['controls']['requestLog']>

function pagesAsked(log: Log) {
  return log
    .filter((entry) => entry.path.endsWith('/all'))
    .map((entry) => ({
      start: Number(entry.plexHeaders['X-Plex-Container-Start']),
      size: Number(entry.plexHeaders['X-Plex-Container-Size']),
      status: entry.status,
    }))
}

describe('PlexClient against a slow server: pages that time out', () => {
  it('retries only the page that timed out and resumes from there, never fetching a page twice', async () => {
    const fake = await fakePlex()
    fake.controls.setStalledPages({ every: 3, times: 1 })
    const progress: ItemsProgress[] = []
    const items = await clientFor(fake, { timeoutMs: 300 }).items('1', {
      pageSize: 50,
      sectionType: 'movie',
      onProgress: (p) => progress.push(p),
    })
    expect(items.map((item) => item.ratingKey)).toEqual([...new Set(items.map((item) => item.ratingKey))])
    expect(items).toHaveLength(250)
    const pages = pagesAsked(fake.controls.requestLog())
    // The third page (start 100) went unanswered once (status 0) and was asked again; no other page twice.
    expect(pages.filter((page) => page.status === 0)).toEqual([{ start: 100, size: 50, status: 0 }])
    const starts = pages.map((page) => page.start)
    expect(starts.filter((start) => start === 100)).toHaveLength(2)
    expect(starts.filter((start) => start !== 100).sort((a, b) => a - b)).toEqual([0, 50, 150, 200])
    const retries = progress.filter((p) => p.retry)
    expect(retries).toHaveLength(1)
    expect(retries[0]?.retry).toMatchObject({ page: 3, attempt: 1, attempts: 3, reason: 'timed out' })
    expect(progress.at(-1)).toEqual({ fetched: 250, total: 250 })
  })

  it('shrinks the page size for the rest of the listing when one page times out twice (500 -> 100 -> 50)', async () => {
    const fake = await fakePlex({ dataset: { movies: 1200 } })
    fake.controls.setStalledPages({ every: 2, times: 2 })
    const items = await clientFor(fake, { timeoutMs: 300 }).items('1', {
      pageSize: 500,
      sectionType: 'movie',
    })
    expect(new Set(items.map((item) => item.ratingKey)).size).toBe(1200)
    const pages = pagesAsked(fake.controls.requestLog())
    // The second page (start 500) went unanswered twice at 500 items and came at 100 ...
    expect(
      pages
        .filter((page) => page.start === 500)
        .map((page) => `${page.size}:${page.status}`)
        .sort(),
    ).toEqual(['100:200', '500:0', '500:0'])
    // ... a later page timed out twice at 100 and the listing went on at 50 to the end.
    const answered = pages.filter((page) => page.status === 200).sort((a, b) => a.start - b.start)
    expect(answered.some((page) => page.size === 50)).toBe(true)
    expect(answered.at(-1)?.size).toBe(50)
    // Never back up: the rest of the library came in pages of 50.
    expect(answered.filter((page) => page.size === 50).length).toBeGreaterThanOrEqual(8)
  })

  it('gives up on a page that keeps timing out, after the retries', async () => {
    const fake = await fakePlex()
    fake.controls.setStalledPages({ every: 2, times: 10 })
    await expect(
      clientFor(fake, { timeoutMs: 200, retries: 2 }).items('1', { pageSize: 50, sectionType: 'movie' }),
    ).rejects.toMatchObject({ code: 'unavailable' })
  })
})

/** Answers 429/503 with Retry-After `statuses.length` times, then the listing. */
function rateLimited(statuses: Array<{ status: number; retryAfter?: string }>) {
  let calls = 0
  const fetch: FetchFunction = async () => {
    const answer = statuses[calls++]
    if (answer) {
      const headers: Record<string, string> =
        answer.retryAfter === undefined ? {} : { 'Retry-After': answer.retryAfter }
      return new Response('', { status: answer.status, headers })
    }
    return json({ MediaContainer: { size: 3, totalSize: 3, offset: 0, Metadata: movies(3) } })
  }
  const waits: number[] = []
  const plex = new PlexClient({
    baseUrl: 'http://plex.test:32400',
    token: 'tok',
    clientIdentifier: 'client-uuid',
    fetch,
    random: () => 0,
    sleep: async (ms) => {
      waits.push(ms)
    },
  })
  return { plex, waits, calls: () => calls }
}

describe('PlexClient and Retry-After', () => {
  it('waits what a 429 asks before trying again, and shows it in the progress', async () => {
    const { plex, waits } = rateLimited([
      { status: 429, retryAfter: '7' },
      { status: 429, retryAfter: '2' },
    ])
    const progress: ItemsProgress[] = []
    const items = await plex.items('1', { sectionType: 'movie', onProgress: (p) => progress.push(p) })
    expect(items).toHaveLength(3)
    expect(waits).toEqual([7000, 2000])
    expect(progress.filter((p) => p.retry).map((p) => p.retry)).toEqual([
      { page: 1, attempt: 1, attempts: 3, reason: 'was rate-limited (429)', waitMs: 7000 },
      { page: 1, attempt: 2, attempts: 3, reason: 'was rate-limited (429)', waitMs: 2000 },
    ])
  })

  it('honours Retry-After on a 503 too, and backs off on its own without one', async () => {
    const { plex, waits } = rateLimited([{ status: 503, retryAfter: '3' }, { status: 503 }])
    expect(await plex.sections().catch(() => [])).toBeDefined()
    await plex.items('1', { sectionType: 'movie' })
    expect(waits[0]).toBe(3000)
    // random() = 0: half the first step of our own backoff (250 ms base, doubled once).
    expect(waits[1]).toBe(250)
  })

  it('caps each wait at 60 s and all the waits of a page at 2 min, then reports the failure', async () => {
    const { plex, waits, calls } = rateLimited(
      Array.from({ length: 5 }, () => ({ status: 429, retryAfter: '3600' })),
    )
    await expect(plex.items('1', { sectionType: 'movie' })).rejects.toMatchObject({
      code: 'unavailable',
      status: 429,
    })
    expect(waits).toEqual([60_000, 60_000])
    // A third wait would pass 2 min in all: the third failure is reported instead.
    expect(calls()).toBe(3)
  })
})
