import { describe, expect, it } from 'vitest'
import { RenderedBlocks } from '../../../src/main/proxy'
import { RenderedBlock } from '../../../src/main/proxy/rendered-blocks'
import { ManualClock } from '../../support/manual-clock'
import { childrenNamed, parseXml } from '../fake-plex/support'
import { direct, proxySetup, upstreamItemRequests, type ProxySetup } from './support'

const PAGER = { 'X-Plex-Product': 'Pager' }
const page = (start: number, size = 5) =>
  `/library/sections/1/all?X-Plex-Container-Start=${start}&X-Plex-Container-Size=${size}`

async function ratingKeys(response: Response): Promise<string[]> {
  return childrenNamed(parseXml(await response.text()), 'Video').map((video) => video.attrs.ratingKey!)
}

/** The proxy with its own store of rendered blocks, and the cache filled (every read below is cached). */
async function renderedSetup(clock?: () => number): Promise<ProxySetup & { blocks: RenderedBlocks }> {
  const blocks = new RenderedBlocks()
  const setup = await proxySetup({}, clock, { renderedBlocks: blocks })
  await setup.core.service.refreshLibrary({ library: '1' })
  return { ...setup, blocks }
}

describe('proxy: listings rendered once and served from memory', () => {
  it('serves pages in order as Plex lists them, each counted as one hit, without asking Plex', async () => {
    const setup = await renderedSetup()
    setup.fake.controls.clearRequestLog()
    for (const start of [0, 5, 10]) {
      const ours = await ratingKeys(await setup.get(page(start), { headers: PAGER }))
      expect(ours).toEqual(await ratingKeys(await direct(setup.fake, page(start))))
    }
    expect(setup.blocks.heldChars).toBeGreaterThan(0)
    expect(upstreamItemRequests(setup.fake)).toBe(3) // only the direct requests above
    expect(setup.core.service.stats().byConsumer.Pager).toMatchObject({ hits: 3, misses: 0 })
    const reads = setup.core.service.recentReads().filter((read) => read.consumer === 'Pager')
    expect(reads.map((read) => [read.outcome, read.items])).toEqual([
      ['hit', 5],
      ['hit', 5],
      ['hit', 5],
    ])
  })

  it('counts a page from memory exactly as the same page read from the cache file', async () => {
    const setup = await renderedSetup()
    const figures = (consumer: string) => {
      const { plexRequestsAvoided, bytesServed } = setup.core.service.stats().byConsumer[consumer]!
      return { plexRequestsAvoided, bytesServed }
    }
    await setup.get(page(10, 20), { headers: PAGER })
    await setup.core.service.getLibraryItems({ library: '1', offset: 10, limit: 20 }, { consumer: 'Reader' })
    expect(figures('Pager')).toEqual(figures('Reader'))
  })

  it('never serves what was rendered from a copy that was since refreshed', async () => {
    const setup = await renderedSetup()
    const first = await ratingKeys(await setup.get(page(0), { headers: PAGER }))
    // The first listed item is renamed to sort last, so every later item moves up by one.
    setup.fake.controls.renameItem(first[0]!, 'zzz renamed to sort last')
    await setup.core.service.refreshLibrary({ library: '1', force: true })
    const next = await ratingKeys(await setup.get(page(0), { headers: PAGER }))
    expect(next).toEqual(await ratingKeys(await direct(setup.fake, page(0))))
    expect(next[0]).toBe(first[1])
    expect(setup.core.service.stats().byConsumer.Pager).toMatchObject({ hits: 2, misses: 0 })
  })

  it('once the copy has expired and Plex is down, answers stale from the file, not fresh from memory', async () => {
    const clock = new ManualClock()
    const setup = await renderedSetup(clock.now)
    await setup.get(page(0), { headers: PAGER })
    await setup.fake.close()
    clock.advanceSeconds(setup.core.service.settings.libraryTtlSeconds + 60)
    const response = await setup.get(page(0), { headers: PAGER })
    expect(response.status).toBe(200)
    expect(await ratingKeys(response)).toHaveLength(5)
    expect(setup.core.service.recentReads()[0]).toMatchObject({ consumer: 'Pager', outcome: 'stale' })
  })

  it('keeps XML and JSON apart, and a whole listing equals the pages that make it up', async () => {
    const setup = await renderedSetup()
    const whole = await ratingKeys(await setup.get('/library/sections/1/all'))
    const json = (await (
      await setup.get(page(0, 7), { headers: { Accept: 'application/json' } })
    ).json()) as { MediaContainer: { Metadata: { ratingKey: string }[] } }
    expect(json.MediaContainer.Metadata.map((item) => item.ratingKey)).toEqual(whole.slice(0, 7))
    expect(await ratingKeys(await setup.get(page(7, 500)))).toEqual(whole.slice(7))
  })
})

describe('RenderedBlocks', () => {
  const blockOf = (...items: string[]) => RenderedBlock.of(items, ',')

  it('hands out runs of items with their separators', () => {
    const block = blockOf('{"a":1}', '{"b":2}', '{"c":3}')
    expect(block.count).toBe(3)
    expect(block.run(0, 3)).toBe('{"a":1},{"b":2},{"c":3}')
    expect(block.run(1, 2)).toBe('{"b":2}')
    expect(block.run(2, 2)).toBe('')
    expect(RenderedBlock.of(['<a/>', '<b/>'], '').run(1, 2)).toBe('<b/>')
  })

  it('renders a block once for everyone asking meanwhile, and keeps it', async () => {
    const blocks = new RenderedBlocks()
    let renders = 0
    const render = async () => {
      renders++
      return blockOf('x')
    }
    const [first, second] = await Promise.all([blocks.get('k', render), blocks.get('k', render)])
    expect(first).toBe(second)
    expect(await blocks.get('k', render)).toBe(first)
    expect(renders).toBe(1)
  })

  it('keeps at most its bound, the least recently used dropped first, and never keeps a failed render', async () => {
    const blocks = new RenderedBlocks(10)
    const ofChars = (chars: number) => async () => blockOf('x'.repeat(chars))
    await blocks.get('old', ofChars(4))
    await blocks.get('used', ofChars(4))
    await blocks.get('old', ofChars(4)) // used again: now the most recent
    await blocks.get('new', ofChars(4))
    expect(blocks.heldChars).toBe(8)
    let rendered = false
    await blocks.get('used', async () => {
      rendered = true
      return blockOf('x')
    })
    expect(rendered).toBe(true) // 'used' was the one dropped
    await blocks.get('too big', ofChars(11))
    await expect(blocks.get('failing', () => Promise.reject(new Error('closed')))).rejects.toThrow('closed')
    await blocks.get('failing', ofChars(1))
    expect(blocks.heldChars).toBeLessThanOrEqual(10)
  })
})
