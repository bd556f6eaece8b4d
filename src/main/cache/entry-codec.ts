import { crc32 } from 'node:zlib'
import type { CachedItem } from './types'
import { foldForMatch } from '../../shared/text-fold'
import { fileNameOf } from './search-key'

/**
 * Items per stored chunk. Small enough that a page of 200 or a single looked-up item parses
 * little beyond what it returns; large enough that a whole library is a few hundred rows.
 * Chosen by measurement (npm run bench).
 */
export const ITEMS_PER_CHUNK = 32

/** Separates items inside a chunk's match_text; never appears in folded titles or paths. */
export const MATCH_LINE_SEPARATOR = '\n'

export interface EncodedChunk {
  seq: number
  items: string
  matchText: string
  /** Checked on every read: a chunk cut or altered on disk would otherwise reach JSON.parse, or a wrong filter answer. */
  itemsChecksum: number
  matchChecksum: number
}

export interface EncodedFileName {
  name: string
  position: number
}

export interface EncodedEntry {
  chunks: EncodedChunk[]
  fileNames: EncodedFileName[]
  itemCount: number
  /** What the entry costs against the size limit: the UTF-8 size of everything stored for it. */
  bytes: number
}

export { sortByTitle } from './title-order'

/** The text a page filter searches: the title and every file path of one item, on one line. */
function matchText(items: readonly CachedItem[]): string {
  // Built by appending, not with map/join: measured about four times faster on large libraries.
  let text = ''
  for (let index = 0; index < items.length; index++) {
    const item = items[index]!
    if (index > 0) text += MATCH_LINE_SEPARATOR
    text += flattenField(item.title)
    for (const file of item.files) text += MATCH_FIELD_SEPARATOR + flattenField(file.path)
  }
  return text
}

/** Tabs and line breaks separate fields and items in match_text, so none may remain inside a field. */
export function flattenField(text: string): string {
  return text.includes('\t') || text.includes('\n') || text.includes('\r')
    ? text.replace(/[\t\r\n]/g, ' ')
    : text
}

const MATCH_FIELD_SEPARATOR = '\t'

export function encodeEntry(items: readonly CachedItem[], withFileIndex: boolean): EncodedEntry {
  const chunks: EncodedChunk[] = []
  const fileNames: EncodedFileName[] = []
  let bytes = 0
  for (let start = 0, seq = 0; start < items.length; start += ITEMS_PER_CHUNK, seq++) {
    const slice = items.slice(start, start + ITEMS_PER_CHUNK)
    // Folded once per chunk rather than per field: folding never adds or removes a separator.
    const folded = withFileIndex ? foldForMatch(matchText(slice)) : ''
    const json = JSON.stringify(slice)
    const chunk: EncodedChunk = {
      seq,
      items: json,
      matchText: folded,
      itemsChecksum: checksumOf(json),
      matchChecksum: checksumOf(folded),
    }
    bytes += Buffer.byteLength(chunk.items) + Buffer.byteLength(folded)
    chunks.push(chunk)
    if (withFileIndex) addFileNames(folded, start, fileNames)
  }
  for (const file of fileNames) bytes += Buffer.byteLength(file.name) + FILE_NAME_ROW_OVERHEAD_BYTES
  return { chunks, fileNames, itemCount: items.length, bytes }
}

/** Two integers stored beside each file name in the index, counted against the size limit. */
const FILE_NAME_ROW_OVERHEAD_BYTES = 8

/** The file names come from the already folded match text: every field after the title is a path. */
function addFileNames(matchText: string, firstPosition: number, into: EncodedFileName[]): void {
  matchText.split(MATCH_LINE_SEPARATOR).forEach((line, index) => {
    const fields = line.split(MATCH_FIELD_SEPARATOR)
    for (let field = 1; field < fields.length; field++) {
      into.push({ name: fileNameOf(fields[field]!), position: firstPosition + index })
    }
  })
}

/** CRC-32 of the text's UTF-8 bytes: enough to notice a cut or overwritten chunk, and cheap (zlib, native). */
export function checksumOf(text: string): number {
  return crc32(text)
}

/**
 * A stored entry whose bytes are not what was written (a chunk cut, altered or missing). SQLite's
 * own checks pass such a file; the cache treats the entry as a miss and drops it whole.
 */
export class DamagedEntryError extends Error {
  constructor(
    readonly entryId: number,
    why: string,
  ) {
    super(`Cache entry ${entryId} is damaged: ${why}`)
    this.name = 'DamagedEntryError'
  }
}

/** The items of one stored chunk, checked against the checksum written with them. */
export function decodeChunk(
  entryId: number,
  chunk: { seq: number; items: string; items_checksum: number },
): CachedItem[] {
  if (checksumOf(chunk.items) !== chunk.items_checksum)
    throw new DamagedEntryError(entryId, `chunk ${chunk.seq} does not match its checksum`)
  let items: unknown
  try {
    items = JSON.parse(chunk.items)
  } catch {
    // Only reachable for a chunk stored before checksums existed (their checksum was computed from what was there).
    throw new DamagedEntryError(entryId, `chunk ${chunk.seq} is not valid JSON`)
  }
  if (!Array.isArray(items)) throw new DamagedEntryError(entryId, `chunk ${chunk.seq} holds no list of items`)
  return items as CachedItem[]
}

/** The folded match text of one stored chunk, checked like its items: a damaged one would answer filters wrongly. */
export function checkedMatchText(
  entryId: number,
  chunk: { seq: number; match_text: string; match_checksum: number },
): string {
  if (checksumOf(chunk.match_text) !== chunk.match_checksum)
    throw new DamagedEntryError(entryId, `the search text of chunk ${chunk.seq} does not match its checksum`)
  return chunk.match_text
}

export function chunkOf(position: number): { seq: number; offsetInChunk: number } {
  return { seq: Math.floor(position / ITEMS_PER_CHUNK), offsetInChunk: position % ITEMS_PER_CHUNK }
}
