import type Database from 'better-sqlite3'
import {
  checkedMatchText,
  checksumOf,
  chunkOf,
  DamagedEntryError,
  decodeChunk,
  flattenField,
  ITEMS_PER_CHUNK,
  MATCH_LINE_SEPARATOR,
} from './entry-codec'
import { DecodedChunks } from './decoded-chunks'
import type { EntryRow, EntryStore } from './entry-store'
import { foldForMatch } from '../../shared/text-fold'
import { fileNameOf } from './search-key'
import type { CachedItem, FileMatch, LibraryPage } from './types'

/**
 * Reads stored entries back: whole listings, pages and file lookups. Each answer parses only
 * the chunks that hold the items it returns, and checks each against its checksum: a damaged
 * entry throws DamagedEntryError, never a parser's message or a short answer.
 */
export class PageReader {
  private readonly decoded = new DecodedChunks()

  constructor(
    private readonly db: Database.Database,
    private readonly store: EntryStore,
  ) {}

  allItems(entry: EntryRow): CachedItem[] {
    const items: CachedItem[] = []
    for (const chunk of this.store.allChunks(entry.id)) {
      for (const item of decodeChunk(entry.id, chunk)) items.push(item)
    }
    if (items.length !== entry.item_count)
      throw new DamagedEntryError(entry.id, `holds ${items.length} items, not ${entry.item_count}`)
    return items
  }

  /** Throws DamagedEntryError unless every chunk of the entry is there and matches its checksums. */
  verify(entry: EntryRow): void {
    let chunks = 0
    for (const chunk of this.store.wholeChunks(entry.id)) {
      if (chunk.seq !== chunks) throw new DamagedEntryError(entry.id, `chunk ${chunks} is missing`)
      if (checksumOf(chunk.items) !== chunk.items_checksum)
        throw new DamagedEntryError(entry.id, `chunk ${chunk.seq} does not match its checksum`)
      checkedMatchText(entry.id, chunk)
      chunks++
    }
    if (chunks !== Math.ceil(entry.item_count / ITEMS_PER_CHUNK))
      throw new DamagedEntryError(entry.id, `holds ${chunks} chunks for ${entry.item_count} items`)
  }

  page(entry: EntryRow, offset: number, limit: number, filter: string): LibraryPage {
    const needle = flattenField(foldForMatch(filter.trim()))
    if (needle === '') return this.unfilteredPage(entry, offset, limit)
    const positions = this.matchingPositions(entry.id, needle)
    const wanted = positions.slice(offset, offset + limit)
    return { items: this.itemsAt(entry.id, wanted), total: positions.length, offset, limit }
  }

  /** `skipEntries`: entries already found damaged, left out of the answer. */
  findByFileName(name: string, now: number, skipEntries: ReadonlySet<number>): FileMatch[] {
    const folded = foldForMatch(fileNameOf(name))
    return this.matchesByName(
      flattenField(folded),
      now,
      (path) => foldForMatch(fileNameOf(path)) === folded,
      skipEntries,
    )
  }

  findByPath(path: string, now: number, skipEntries: ReadonlySet<number>): FileMatch[] {
    const folded = foldForMatch(path)
    // The name index narrows the search; the full path then decides.
    return this.matchesByName(
      foldForMatch(fileNameOf(path)),
      now,
      (candidate) => foldForMatch(candidate) === folded,
      skipEntries,
    )
  }

  private unfilteredPage(entry: EntryRow, offset: number, limit: number): LibraryPage {
    const end = Math.min(offset + limit, entry.item_count)
    if (offset >= end) return { items: [], total: entry.item_count, offset, limit }
    const first = chunkOf(offset)
    const last = chunkOf(end - 1)
    const items: CachedItem[] = []
    for (const chunk of this.store.chunkRange(entry.id, first.seq, last.seq)) {
      for (const item of this.decoded.decode(entry.id, chunk)) items.push(item)
    }
    const skip = offset - first.seq * ITEMS_PER_CHUNK
    if (items.length < skip + (end - offset))
      throw new DamagedEntryError(entry.id, `items ${offset + 1}-${end} are missing`)
    return { items: items.slice(skip, skip + (end - offset)), total: entry.item_count, offset, limit }
  }

  /** Title-order positions of every item whose title or path contains the folded needle. */
  private matchingPositions(entryId: number, needle: string): number[] {
    const positions: number[] = []
    for (const chunk of this.store.chunksMatching(entryId, needle)) {
      const lines = checkedMatchText(entryId, chunk).split(MATCH_LINE_SEPARATOR)
      lines.forEach((line, index) => {
        if (line.includes(needle)) positions.push(chunk.seq * ITEMS_PER_CHUNK + index)
      })
    }
    return positions
  }

  private itemsAt(entryId: number, positions: readonly number[]): CachedItem[] {
    const chunks = new Map<number, readonly CachedItem[]>()
    return positions.map((position) => {
      const { seq, offsetInChunk } = chunkOf(position)
      let items = chunks.get(seq)
      if (!items) {
        const row = this.store.chunkAt(entryId, seq)
        items = row ? this.decoded.decode(entryId, row) : []
        chunks.set(seq, items)
      }
      const item = items[offsetInChunk]
      if (!item) throw new DamagedEntryError(entryId, `has no item at position ${position}`)
      return item
    })
  }

  private matchesByName(
    foldedName: string,
    now: number,
    pathMatches: (path: string) => boolean,
    skipEntries: ReadonlySet<number>,
  ): FileMatch[] {
    return this.db.transaction(() => {
      const matches: FileMatch[] = []
      const hitsByEntry = new Map<number, { library: string; positions: number[] }>()
      for (const hit of this.store.fileNameHits(foldedName, now)) {
        if (skipEntries.has(hit.entry_id)) continue
        const group = hitsByEntry.get(hit.entry_id) ?? { library: hit.library, positions: [] }
        group.positions.push(hit.position)
        hitsByEntry.set(hit.entry_id, group)
      }
      for (const [entryId, { library, positions }] of hitsByEntry) {
        for (const item of this.itemsAt(entryId, positions)) {
          for (const file of item.files) if (pathMatches(file.path)) matches.push({ library, item, file })
        }
      }
      return matches
    })()
  }
}
