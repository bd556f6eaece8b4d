import type Database from 'better-sqlite3'
import { checksumOf } from './entry-codec'
import { refoldStoredEntries } from './refold-migration'

/**
 * Each migration moves the schema from version (index) to version (index + 1).
 * Append new migrations; never edit one that has shipped.
 */
const migrations: ReadonlyArray<(db: Database.Database) => void> = [
  (db) => {
    db.exec(`
      CREATE TABLE entries (
        id INTEGER PRIMARY KEY,
        namespace TEXT NOT NULL CHECK (namespace IN ('library', 'search')),
        library TEXT NOT NULL,
        query TEXT NOT NULL DEFAULT '',
        item_count INTEGER NOT NULL,
        bytes INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        meta TEXT,
        UNIQUE (namespace, library, query)
      );
      CREATE INDEX entries_by_created ON entries (created_at, id);

      -- Items are stored in title order, a few dozen to a chunk, so a page or a single item
      -- parses only the chunks it needs. match_text holds one folded line per item
      -- (title and file paths) so a filter can be answered by SQLite's instr() without JSON.
      CREATE TABLE chunks (
        entry_id INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        items TEXT NOT NULL,
        match_text TEXT NOT NULL,
        PRIMARY KEY (entry_id, seq)
      );

      -- Lower-cased file names of library items, keyed per entry so dropping a library is a range delete.
      CREATE TABLE file_names (
        entry_id INTEGER NOT NULL,
        name TEXT NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (entry_id, name, position)
      ) WITHOUT ROWID;

      CREATE TABLE stat_counters (
        namespace TEXT NOT NULL,
        library TEXT NOT NULL,
        hits INTEGER NOT NULL DEFAULT 0,
        misses INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (namespace, library)
      ) WITHOUT ROWID;

      CREATE TABLE stat_history (
        bucket_start INTEGER PRIMARY KEY,
        hits INTEGER NOT NULL DEFAULT 0,
        misses INTEGER NOT NULL DEFAULT 0
      );

      CREATE TABLE evictions (
        reason TEXT PRIMARY KEY,
        count INTEGER NOT NULL DEFAULT 0
      ) WITHOUT ROWID;
    `)
  },
  (db) => {
    db.exec(`
      -- Named running totals kept by the layers above the cache (Plex requests made and avoided,
      -- revalidations, time saved...), flushed with the hit/miss counters.
      CREATE TABLE named_counters (
        name TEXT PRIMARY KEY,
        value INTEGER NOT NULL DEFAULT 0
      ) WITHOUT ROWID;

      -- Small JSON documents with a TTL that are not item listings: a server's section list, its identity.
      CREATE TABLE documents (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
      );
    `)
  },
  (db) => {
    // A checksum per chunk of items and per chunk of search text, checked on every read (see
    // decodeChunk). Chunks already stored get the checksum of what they hold now: one that is
    // already damaged is still caught, by the JSON check that follows the checksum.
    db.exec(`
      ALTER TABLE chunks ADD COLUMN items_checksum INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE chunks ADD COLUMN match_checksum INTEGER NOT NULL DEFAULT 0;
    `)
    const update = db.prepare(
      'UPDATE chunks SET items_checksum = ?, match_checksum = ? WHERE entry_id = ? AND seq = ?',
    )
    const rows = db
      .prepare('SELECT entry_id, seq, items, match_text FROM chunks')
      .iterate() as IterableIterator<{
      entry_id: number
      seq: number
      items: string
      match_text: string
    }>
    const checksums: Array<[number, number, number, number]> = []
    for (const row of rows) {
      checksums.push([checksumOf(row.items), checksumOf(row.match_text), row.entry_id, row.seq])
    }
    for (const values of checksums) update.run(...values)
  },
  (db) => {
    db.exec(`
      -- The last reads made for consumers ("what did my script just fetch?"), written by every
      -- process sharing the file and trimmed to the newest hundred (see recent-reads.ts).
      CREATE TABLE recent_reads (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        consumer TEXT NOT NULL,
        kind TEXT NOT NULL,
        library TEXT,
        library_title TEXT,
        query TEXT NOT NULL DEFAULT '',
        outcome TEXT NOT NULL,
        items INTEGER
      );
    `)
  },
  // Listings in natural title order and search text without accents (see refoldStoredEntries).
  (db) => refoldStoredEntries(db),
]

export const SCHEMA_VERSION = migrations.length

export class SchemaTooNewError extends Error {
  constructor(readonly found: number) {
    super(
      `The cache file was written by a newer Plex Cache (schema ${found}, this build knows ${SCHEMA_VERSION}). ` +
        'Update Plex Cache or choose another data directory.',
    )
    this.name = 'SchemaTooNewError'
  }
}

/**
 * Brings the schema up to date. An up-to-date file is only read: opening the cache must never
 * queue behind another process's write lock, or a read that could be served at once waits for
 * (and may time out on) someone else's long write. Only a file that needs migrating takes the
 * lock, under an immediate transaction that checks the version again, so two processes never
 * migrate twice.
 */
export function migrate(db: Database.Database): void {
  const found = db.pragma('user_version', { simple: true }) as number
  if (found > SCHEMA_VERSION) throw new SchemaTooNewError(found)
  if (found === SCHEMA_VERSION) return
  db.transaction(() => {
    const current = db.pragma('user_version', { simple: true }) as number
    if (current > SCHEMA_VERSION) throw new SchemaTooNewError(current)
    for (let version = current; version < SCHEMA_VERSION; version++) {
      migrations[version]!(db)
    }
    if (current !== SCHEMA_VERSION) db.pragma(`user_version = ${SCHEMA_VERSION}`)
  }).immediate()
}
