import type Database from 'better-sqlite3'
import { DamagedEntryError, decodeChunk, encodeEntry } from './entry-codec'
import { sortByTitle } from './title-order'

interface StoredEntry {
  id: number
  namespace: 'library' | 'search'
}

/**
 * Stores every kept entry again with the current encoding: listings in natural title order and
 * search text folded without accents, so a cache written by an older build answers "amelie" with
 * "Amélie" and lists "Archive 2" before "Archive 10" at once, not only after its next refresh.
 * (Items stored before sort titles were kept are ordered by their titles until then.)
 * A damaged entry is left as it is: the next read finds it by its checksums and drops it.
 */
export function refoldStoredEntries(db: Database.Database): void {
  const entries = db.prepare('SELECT id, namespace FROM entries').all() as StoredEntry[]
  const readChunks = db.prepare(
    'SELECT seq, items, items_checksum FROM chunks WHERE entry_id = ? ORDER BY seq',
  )
  const deleteChunks = db.prepare('DELETE FROM chunks WHERE entry_id = ?')
  const deleteFileNames = db.prepare('DELETE FROM file_names WHERE entry_id = ?')
  const insertChunk = db.prepare(
    `INSERT INTO chunks (entry_id, seq, items, match_text, items_checksum, match_checksum)
     VALUES (?, ?, ?, ?, ?, ?)`,
  )
  const insertFileName = db.prepare(
    'INSERT OR IGNORE INTO file_names (entry_id, name, position) VALUES (?, ?, ?)',
  )
  const setBytes = db.prepare('UPDATE entries SET bytes = ? WHERE id = ?')

  for (const entry of entries) {
    const chunks = readChunks.all(entry.id) as { seq: number; items: string; items_checksum: number }[]
    let items
    try {
      items = chunks.flatMap((chunk) => decodeChunk(entry.id, chunk))
    } catch (error) {
      if (error instanceof DamagedEntryError) continue
      throw error
    }
    const isListing = entry.namespace === 'library'
    // A search keeps Plex's own order (relevance); only listings are in title order.
    const encoded = encodeEntry(isListing ? sortByTitle(items) : items, isListing)
    deleteChunks.run(entry.id)
    deleteFileNames.run(entry.id)
    for (const chunk of encoded.chunks) {
      insertChunk.run(
        entry.id,
        chunk.seq,
        chunk.items,
        chunk.matchText,
        chunk.itemsChecksum,
        chunk.matchChecksum,
      )
    }
    for (const file of encoded.fileNames) insertFileName.run(entry.id, file.name, file.position)
    setBytes.run(encoded.bytes, entry.id)
  }
}
