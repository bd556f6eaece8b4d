import type { CachedItem } from './types'
import { fileNameOf, foldForIndex } from './search-key'

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

/** Title order as a person reads a library listing; ratingKey breaks ties so the order is stable. */
export function sortByTitle(items: readonly CachedItem[]): CachedItem[] {
  const keyed = items.map((item) => ({ item, title: item.title.toLowerCase() }))
  keyed.sort((a, b) => {
    if (a.title !== b.title) return a.title < b.title ? -1 : 1
    return a.item.ratingKey < b.item.ratingKey ? -1 : a.item.ratingKey > b.item.ratingKey ? 1 : 0
  })
  return keyed.map((entry) => entry.item)
}

/** The text a page filter searches: the title and every file path of one item, on one line. */
function matchLine(item: CachedItem): string {
  let line = item.title
  for (const file of item.files) line += '\t' + file.path
  return line.includes('\n') || line.includes('\r') ? line.replace(/[\r\n]/g, ' ') : line
}

export function encodeEntry(items: readonly CachedItem[], withFileIndex: boolean): EncodedEntry {
  const chunks: EncodedChunk[] = []
  let bytes = 0
  for (let start = 0, seq = 0; start < items.length; start += ITEMS_PER_CHUNK, seq++) {
    const slice = items.slice(start, start + ITEMS_PER_CHUNK)
    const chunk: EncodedChunk = {
      seq,
      items: JSON.stringify(slice),
      // Folded once per chunk rather than per item: folding never adds or removes a line break.
      matchText: withFileIndex ? foldForIndex(slice.map(matchLine).join(MATCH_LINE_SEPARATOR)) : '',
    }
    bytes += Buffer.byteLength(chunk.items) + Buffer.byteLength(chunk.matchText)
    chunks.push(chunk)
  }
  const fileNames = withFileIndex ? indexFileNames(items) : []
  for (const file of fileNames) bytes += Buffer.byteLength(file.name) + FILE_NAME_ROW_OVERHEAD_BYTES
  return { chunks, fileNames, itemCount: items.length, bytes }
}

/** Two integers stored beside each file name in the index, counted against the size limit. */
const FILE_NAME_ROW_OVERHEAD_BYTES = 8

/** Sorted by name, so the rows append to the index b-tree instead of splitting pages all over it. */
function indexFileNames(items: readonly CachedItem[]): EncodedFileName[] {
  const fileNames: EncodedFileName[] = []
  items.forEach((item, position) => {
    for (const file of item.files) fileNames.push({ name: foldForIndex(fileNameOf(file.path)), position })
  })
  return fileNames.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.position - b.position))
}

export function decodeChunk(itemsJson: string): CachedItem[] {
  return JSON.parse(itemsJson) as CachedItem[]
}

export function chunkOf(position: number): { seq: number; offsetInChunk: number } {
  return { seq: Math.floor(position / ITEMS_PER_CHUNK), offsetInChunk: position % ITEMS_PER_CHUNK }
}
