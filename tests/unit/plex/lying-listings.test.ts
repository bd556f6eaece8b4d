import { describe, expect, it } from 'vitest'
import { PlexProtocolError } from '../../../src/main/plex'
import { clientFor, fakePlex } from './fake-server'

/** Listing requests with items, by start and size, from the fake's request log. */
function pagesAsked(log: ReturnType<Awaited<ReturnType<typeof fakePlex>>['controls']['requestLog']>) {
  return log
    .filter((entry) => entry.path.endsWith('/all'))
    .map((entry) => ({
      start: Number(entry.plexHeaders['X-Plex-Container-Start']),
      size: Number(entry.plexHeaders['X-Plex-Container-Size']),
      status: entry.status,
    }))
}

describe('PlexClient against a server whose listing answers are wrong', () => {
  const cases = [
    { name: 'a negative total', arrange: 'negative', message: /impossible item count \(-1\)/ },
    {
      name: 'a total below the items already sent',
      arrange: 'shrinking',
      message: /holds 1 items but had already sent/,
    },
    {
      name: 'a total that jumps while paging',
      arrange: 'growing',
      message: /changed from 250 to 25000 while paging/,
    },
  ] as const
  for (const { name, arrange, message } of cases) {
    it(`fails with a protocol error on ${name}, instead of returning part of the library`, async () => {
      const fake = await fakePlex()
      fake.controls.setWrongTotals(arrange)
      const error = await clientFor(fake)
        .items('1', { pageSize: 100, sectionType: 'movie' })
        .catch((e: unknown) => e)
      expect(error).toBeInstanceOf(PlexProtocolError)
      expect((error as Error).message).toMatch(message)
    })
  }

  it('fails with a protocol error on a page where no entry is usable', async () => {
    const fake = await fakePlex()
    fake.controls.setUnusableItems(true)
    await expect(clientFor(fake).items('1', { pageSize: 100, sectionType: 'movie' })).rejects.toThrow(
      /sent 100 entries at offset 0 and none of them is a usable item/,
    )
  })

  it('keeps paging until a short page when the answers carry no total at all', async () => {
    const fake = await fakePlex()
    fake.controls.setNoTotals(true)
    const progress: Array<{ fetched: number; total: number }> = []
    const items = await clientFor(fake).items('1', {
      pageSize: 100,
      sectionType: 'movie',
      onProgress: (p) => progress.push(p),
    })
    expect(items).toHaveLength(250)
    expect(new Set(items.map((item) => item.ratingKey)).size).toBe(250)
    const starts = pagesAsked(fake.controls.requestLog()).map((page) => page.start)
    // 0, 100 and the short 200; at most one more asked ahead past the end.
    expect(starts.slice(0, 3)).toEqual([0, 100, 200])
    expect(starts.length).toBeLessThanOrEqual(4)
    // Unknown while paging, counted at the end.
    expect(progress.slice(0, -1).every((p) => p.total === 0)).toBe(true)
    expect(progress.at(-1)).toEqual({ fetched: 250, total: 250 })
  })

  it("lowers the page size to Plex's cap when a larger page is refused with 400", async () => {
    const fake = await fakePlex({ dataset: { movies: 2500 } })
    fake.controls.setPageSizeCap(1000)
    const items = await clientFor(fake).items('1', { pageSize: 2000, sectionType: 'movie' })
    expect(items).toHaveLength(2500)
    const pages = pagesAsked(fake.controls.requestLog())
    expect(pages[0]).toEqual({ start: 0, size: 2000, status: 400 })
    expect(pages.slice(1).every((page) => page.size === 1000 && page.status === 200)).toBe(true)
    expect(pages.slice(1).map((page) => page.start)).toEqual([0, 1000, 2000])
  })

  it('does not retry a 400 when the page size is already within the cap', async () => {
    const fake = await fakePlex()
    fake.controls.setPageSizeCap(10)
    await expect(clientFor(fake).items('1', { pageSize: 50, sectionType: 'movie' })).rejects.toMatchObject({
      code: 'bad_request',
    })
    expect(pagesAsked(fake.controls.requestLog())).toHaveLength(1)
  })
})

describe('PlexClient against an endless listing (new items for ever, totalSize 1e9)', () => {
  it('stops at the item cap with a protocol error', async () => {
    const fake = await fakePlex()
    fake.controls.setEndlessPaging(true)
    const plex = clientFor(fake, { listingLimits: { maxItems: 3000 } })
    await expect(plex.items('1', { pageSize: 500, sectionType: 'movie' })).rejects.toThrow(
      /kept sending items \(3500, more than the cap of 3000\) for a library it said holds 1000000000/,
    )
    // Stopped right there: the pages up to the cap, and at most one asked ahead.
    expect(pagesAsked(fake.controls.requestLog()).length).toBeLessThanOrEqual(8)
  })

  it('stops at the byte cap with a protocol error', async () => {
    const fake = await fakePlex()
    fake.controls.setEndlessPaging(true)
    const plex = clientFor(fake, { listingLimits: { maxBytes: 2 * 1024 * 1024 } })
    await expect(plex.items('1', { pageSize: 500, sectionType: 'movie' })).rejects.toThrow(
      /sent more than 2 MB for one listing/,
    )
  })

  it('stops at the time cap with a protocol error', async () => {
    const fake = await fakePlex()
    fake.controls.setEndlessPaging(true)
    fake.controls.setLatency(40)
    const plex = clientFor(fake, { listingLimits: { maxMs: 400 } })
    const started = Date.now()
    await expect(plex.items('1', { pageSize: 50, sectionType: 'movie' })).rejects.toThrow(
      /Listing took longer than 400 ms/,
    )
    expect(Date.now() - started).toBeLessThan(2000)
  })
})
