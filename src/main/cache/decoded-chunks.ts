import { decodeChunk } from './entry-codec'
import type { CachedItem } from './types'

/** A page boundary needs one chunk kept per reader paging in order: room for a few at once, a few hundred items. */
const DEFAULT_CAPACITY = 8

/**
 * The last chunks decoded, so a chunk that two neighbouring pages share (a page of 100 items
 * ends inside a chunk of 32, where the next page starts) is parsed once: a tool paging in order
 * parses each item once instead of 1.3 times. Kept by entry, chunk and checksum, so a chunk
 * written anew is never answered from an old copy. Every reader shares the items, so none may
 * change them (freezing them would cost more than the parse it saves).
 */
export class DecodedChunks {
  private readonly chunks = new Map<string, { checksum: number; items: readonly CachedItem[] }>()

  constructor(private readonly capacity = DEFAULT_CAPACITY) {}

  decode(
    entryId: number,
    chunk: { seq: number; items: string; items_checksum: number },
  ): readonly CachedItem[] {
    const key = `${entryId}:${chunk.seq}`
    const kept = this.chunks.get(key)
    if (kept && kept.checksum === chunk.items_checksum) return kept.items
    const items = decodeChunk(entryId, chunk)
    this.chunks.delete(key)
    this.chunks.set(key, { checksum: chunk.items_checksum, items })
    if (this.chunks.size > this.capacity) {
      const oldest = this.chunks.keys().next().value
      if (oldest !== undefined) this.chunks.delete(oldest)
    }
    return items
  }
}
