import type Database from 'better-sqlite3'
import type { EncodedEntry } from './entry-codec'
import type { LibraryMeta, Namespace } from './types'

export interface EntryKey {
  namespace: Namespace
  library: string
  /** Normalised search text; '' for a library listing. */
  query: string
}

export interface EntryRow {
  id: number
  namespace: Namespace
  library: string
  query: string
  item_count: number
  bytes: number
  created_at: number
  expires_at: number
  meta: string | null
}

export interface ChunkRow {
  seq: number
  items: string
  items_checksum: number
}

export interface MatchRow {
  seq: number
  match_text: string
  match_checksum: number
}

export interface FileNameHit {
  entry_id: number
  library: string
  position: number
}

const FILE_NAME_BATCH = 100

function insertFileNamesSql(rows: number): string {
  return `INSERT OR IGNORE INTO file_names (entry_id, name, position) VALUES ${Array(rows).fill('(?, ?, ?)').join(', ')}`
}

/**
 * Every SQL statement that touches cached entries. It knows rows and transactions, not TTL
 * policy: callers pass in "now" and decide what is live.
 */
export class EntryStore {
  private readonly s

  constructor(private readonly db: Database.Database) {
    this.s = {
      findAny: db.prepare('SELECT * FROM entries WHERE namespace = ? AND library = ? AND query = ?'),
      findById: db.prepare('SELECT * FROM entries WHERE id = ?'),
      insertEntry: db.prepare(
        `INSERT INTO entries (namespace, library, query, item_count, bytes, created_at, expires_at, meta)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertChunk: db.prepare(
        `INSERT INTO chunks (entry_id, seq, items, match_text, items_checksum, match_checksum)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      insertFileName: db.prepare(insertFileNamesSql(1)),
      insertFileNameBatch: db.prepare(insertFileNamesSql(FILE_NAME_BATCH)),
      wholeChunks: db.prepare(
        'SELECT seq, items, items_checksum, match_text, match_checksum FROM chunks WHERE entry_id = ? ORDER BY seq',
      ),
      allChunks: db.prepare('SELECT seq, items, items_checksum FROM chunks WHERE entry_id = ? ORDER BY seq'),
      chunkAt: db.prepare('SELECT seq, items, items_checksum FROM chunks WHERE entry_id = ? AND seq = ?'),
      chunkRange: db.prepare(
        'SELECT seq, items, items_checksum FROM chunks WHERE entry_id = ? AND seq BETWEEN ? AND ? ORDER BY seq',
      ),
      matchingChunks: db.prepare(
        `SELECT seq, match_text, match_checksum FROM chunks
         WHERE entry_id = ? AND instr(match_text, ?) > 0 ORDER BY seq`,
      ),
      fileNameHits: db.prepare(
        `SELECT f.entry_id, e.library, f.position FROM entries e
         JOIN file_names f ON f.entry_id = e.id AND f.name = ?
         WHERE e.namespace = 'library' AND e.expires_at > ?
         ORDER BY e.library, f.position`,
      ),
      deleteEntry: db.prepare('DELETE FROM entries WHERE id = ?'),
      deleteChunks: db.prepare('DELETE FROM chunks WHERE entry_id = ?'),
      deleteFileNames: db.prepare('DELETE FROM file_names WHERE entry_id = ?'),
      expiredIds: db.prepare('SELECT id FROM entries WHERE expires_at <= ?'),
      libraryIds: db.prepare('SELECT id FROM entries WHERE library = ?'),
      allIds: db.prepare('SELECT id FROM entries'),
      totalBytes: db.prepare('SELECT coalesce(sum(bytes), 0) AS total FROM entries'),
      oldestOtherThan: db.prepare(
        'SELECT id, bytes FROM entries WHERE id != ? ORDER BY created_at, id LIMIT 1',
      ),
      liveEntries: db.prepare(
        'SELECT * FROM entries WHERE expires_at > ? ORDER BY namespace, library, query',
      ),
      liveCount: db.prepare('SELECT count(*) AS n FROM entries WHERE expires_at > ?'),
      storedCount: db.prepare('SELECT count(*) AS n FROM entries'),
      renew: db.prepare('UPDATE entries SET expires_at = ?, meta = coalesce(?, meta) WHERE id = ?'),
    }
  }

  findIncludingExpired(key: EntryKey): EntryRow | undefined {
    return this.s.findAny.get(key.namespace, key.library, key.query) as EntryRow | undefined
  }

  findById(id: number): EntryRow | undefined {
    return this.s.findById.get(id) as EntryRow | undefined
  }

  /** Inserts a complete entry. The caller wraps it in the transaction that removes what it replaces. */
  insert(
    key: EntryKey,
    encoded: EncodedEntry,
    createdAt: number,
    expiresAt: number,
    meta?: LibraryMeta,
  ): number {
    const { lastInsertRowid } = this.s.insertEntry.run(
      key.namespace,
      key.library,
      key.query,
      encoded.itemCount,
      encoded.bytes,
      createdAt,
      expiresAt,
      meta ? JSON.stringify(meta) : null,
    )
    const id = Number(lastInsertRowid)
    for (const chunk of encoded.chunks) {
      this.s.insertChunk.run(
        id,
        chunk.seq,
        chunk.items,
        chunk.matchText,
        chunk.itemsChecksum,
        chunk.matchChecksum,
      )
    }
    this.insertFileNames(id, encoded.fileNames)
    return id
  }

  /** Many rows per statement: with tens of thousands of files, the per-call overhead is most of the cost. */
  private insertFileNames(entryId: number, fileNames: EncodedEntry['fileNames']): void {
    let start = 0
    for (; start + FILE_NAME_BATCH <= fileNames.length; start += FILE_NAME_BATCH) {
      const values: Array<string | number> = []
      for (let i = start; i < start + FILE_NAME_BATCH; i++)
        values.push(entryId, fileNames[i]!.name, fileNames[i]!.position)
      this.s.insertFileNameBatch.run(values)
    }
    for (; start < fileNames.length; start++)
      this.s.insertFileName.run(entryId, fileNames[start]!.name, fileNames[start]!.position)
  }

  delete(id: number): void {
    this.s.deleteChunks.run(id)
    this.s.deleteFileNames.run(id)
    this.s.deleteEntry.run(id)
  }

  /** Deletes the listed entries and returns how many there were. */
  deleteAll(ids: ReadonlyArray<{ id: number }>): number {
    for (const { id } of ids) this.delete(id)
    return ids.length
  }

  expiredIds(now: number): Array<{ id: number }> {
    return this.s.expiredIds.all(now) as Array<{ id: number }>
  }

  libraryIds(library: string): Array<{ id: number }> {
    return this.s.libraryIds.all(library) as Array<{ id: number }>
  }

  allIds(): Array<{ id: number }> {
    return this.s.allIds.all() as Array<{ id: number }>
  }

  totalBytes(): number {
    return (this.s.totalBytes.get() as { total: number }).total
  }

  /** The least recently stored entry, sparing the one just written. */
  oldestOtherThan(id: number): { id: number; bytes: number } | undefined {
    return this.s.oldestOtherThan.get(id) as { id: number; bytes: number } | undefined
  }

  allChunks(entryId: number): ChunkRow[] {
    return this.s.allChunks.all(entryId) as ChunkRow[]
  }

  /** Every chunk with both its texts and checksums, iterated: for checking a whole entry without holding it all. */
  wholeChunks(entryId: number): IterableIterator<ChunkRow & MatchRow> {
    return this.s.wholeChunks.iterate(entryId) as IterableIterator<ChunkRow & MatchRow>
  }

  chunkRange(entryId: number, firstSeq: number, lastSeq: number): ChunkRow[] {
    return this.s.chunkRange.all(entryId, firstSeq, lastSeq) as ChunkRow[]
  }

  chunkAt(entryId: number, seq: number): ChunkRow | undefined {
    return this.s.chunkAt.get(entryId, seq) as ChunkRow | undefined
  }

  chunksMatching(entryId: number, foldedNeedle: string): MatchRow[] {
    return this.s.matchingChunks.all(entryId, foldedNeedle) as MatchRow[]
  }

  fileNameHits(foldedName: string, now: number): FileNameHit[] {
    return this.s.fileNameHits.all(foldedName, now) as FileNameHit[]
  }

  liveEntries(now: number): EntryRow[] {
    return this.s.liveEntries.all(now) as EntryRow[]
  }

  liveCount(now: number): number {
    return (this.s.liveCount.get(now) as { n: number }).n
  }

  /** Every entry kept, expired ones included (they are served while Plex is unreachable). */
  storedCount(): number {
    return (this.s.storedCount.get() as { n: number }).n
  }

  /** Restarts an entry's TTL (and refreshes its meta) without touching its items. */
  renew(id: number, expiresAt: number, meta?: LibraryMeta): void {
    this.s.renew.run(expiresAt, meta ? JSON.stringify(meta) : null, id)
  }
}
