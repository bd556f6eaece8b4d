import type { ServerResponse } from 'node:http'
import type { CacheService, PageStamp } from '../service'
import { itemFormat } from './item-format'
import { isPagedByCache, listingFrame, type ListingAsk } from './listing-answer'
import { BLOCK_ITEMS, RenderedBlock, RenderedBlocks } from './rendered-blocks'
import { sendContainer, type ChildFormat } from './streamed-container'
import type { TokenScope } from './token-access'

/** Runs of items rendered beforehand go out as they are, in the format they were rendered in. */
const RENDERED: ChildFormat<string> = { jsonKey: 'Metadata', xml: (run) => run, json: (run) => run }

/**
 * Movie, episode and track listings (whole or paged) answered from rendered blocks of the fresh
 * stored copy: each block is read from the cache file and rendered once, then served from memory
 * until that copy is replaced or expires. Every answer is counted as the cache read it is. Anything
 * else (a title filter, a photo section, no fresh copy) is left to the usual path.
 */
export class RenderedListings {
  /** The last stamp seen per server and section, so a fresh copy is confirmed without a lookup. */
  private readonly stamps = new Map<string, PageStamp>()

  constructor(
    private readonly service: CacheService,
    private readonly blocks = new RenderedBlocks(),
  ) {}

  /** True when the listing was sent from rendered blocks; false when it should be read as usual. */
  async answer(
    res: ServerResponse,
    upstream: string,
    scope: TokenScope,
    ask: ListingAsk,
    format: { json: boolean; gzip: boolean },
  ): Promise<boolean> {
    const start = ask.start ?? 0
    const sizeOk = ask.size === undefined || Number.isSafeInteger(ask.size)
    if (!isPagedByCache(ask) || !Number.isSafeInteger(start) || !sizeOk) return false
    const stamp = await this.freshStamp(`${upstream}\n${ask.section.key}`, ask.section.key)
    if (!stamp) return false
    const end = Math.min(stamp.total, ask.size === undefined ? stamp.total : start + ask.size)
    // The first block is in hand before the read is counted: a copy replaced meanwhile is read as usual.
    const firstBlock =
      start < end ? await this.block(stamp, blockOf(start), format.json, ask.includeGuids) : []
    if (!firstBlock) return false
    const query = { offset: start, limit: Math.max(0, end - start) }
    if (!this.service.forProxy.countReusedLibraryPage(stamp, query, { consumer: ask.consumer })) return false
    const children = this.texts(stamp, start, end, format.json, ask.includeGuids)
    await sendContainer(res, { ...listingFrame(scope, ask, stamp.total), children, format: RENDERED }, format)
    return true
  }

  private async freshStamp(place: string, library: string): Promise<PageStamp | null> {
    const stamp = await this.service.forProxy.freshLibraryStamp(library, this.stamps.get(place))
    if (stamp) this.stamps.set(place, stamp)
    else this.stamps.delete(place)
    return stamp
  }

  /** The rendered items from `start` to `end`, a block at a time. */
  private async *texts(
    stamp: PageStamp,
    start: number,
    end: number,
    json: boolean,
    includeGuids: boolean,
  ): AsyncIterable<readonly string[]> {
    for (let index = blockOf(start); index * BLOCK_ITEMS < end; index++) {
      const block = await this.block(stamp, index, json, includeGuids)
      // The copy was replaced or expired while it was being sent: the answer is cut off rather
      // than finished from another copy, and the tool asks again.
      if (!block) throw new Error('the cached listing changed while it was being sent')
      const from = Math.max(0, start - index * BLOCK_ITEMS)
      yield [block.run(from, Math.min(block.count, end - index * BLOCK_ITEMS))]
    }
  }

  private block(
    stamp: PageStamp,
    index: number,
    json: boolean,
    includeGuids: boolean,
  ): Promise<RenderedBlock | undefined> {
    const key = [stamp.cacheKey, stamp.version, json, includeGuids, index].join('\n')
    return this.blocks.get(key, async () => {
      const peeked = this.service.forProxy.peekLibraryPage(
        { offset: index * BLOCK_ITEMS, limit: BLOCK_ITEMS },
        stamp,
      )
      if (!peeked || peeked.stamp.version !== stamp.version || peeked.result.items.length === 0)
        return undefined
      const format = itemFormat(includeGuids)
      const items = peeked.result.items.map(json ? format.json : format.xml)
      return RenderedBlock.of(items, json ? ',' : '')
    })
  }
}

function blockOf(position: number): number {
  return Math.floor(position / BLOCK_ITEMS)
}
