import type Database from 'better-sqlite3'
import { RECENT_READS_KEPT, type RecentRead } from '../../shared/recent-reads'

interface RecentReadRow {
  at: number
  consumer: string
  kind: RecentRead['kind']
  library: string | null
  library_title: string | null
  query: string
  outcome: RecentRead['outcome']
  items: number | null
}

/** Long enough for any title or file name worth reading in a list; a hostile caller picks the length. */
const MAX_QUERY_LENGTH = 512

/**
 * The last reads made for consumers, kept in the cache file because the CLI reads in another
 * process. Buffered like the hit/miss counters and written with them (one insert per read, in the
 * flush's transaction), trimmed to the newest RECENT_READS_KEPT on every flush.
 */
export class RecentReads {
  private pending: RecentRead[] = []
  private readonly statements

  constructor(db: Database.Database) {
    this.statements = {
      insert: db.prepare(
        `INSERT INTO recent_reads (at, consumer, kind, library, library_title, query, outcome, items)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      // Ids only grow (only the oldest rows are ever deleted), so the newest N are the N highest.
      trim: db.prepare('DELETE FROM recent_reads WHERE id <= (SELECT max(id) FROM recent_reads) - ?'),
      newest: db.prepare(
        `SELECT at, consumer, kind, library, library_title, query, outcome, items
         FROM recent_reads ORDER BY id DESC LIMIT ?`,
      ),
      clear: db.prepare('DELETE FROM recent_reads'),
    }
  }

  add(read: RecentRead): void {
    this.pending.push({ ...read, query: read.query.slice(0, MAX_QUERY_LENGTH) })
    // Only the newest can ever be listed: a process that cannot flush keeps no more than that.
    if (this.pending.length > RECENT_READS_KEPT) this.pending.shift()
  }

  get hasPending(): boolean {
    return this.pending.length > 0
  }

  /** Must run inside the caller's write transaction; the caller drops the pending reads after it commits. */
  writePending(): void {
    for (const read of this.pending) {
      this.statements.insert.run(
        read.at,
        read.consumer,
        read.kind,
        read.library,
        read.libraryTitle,
        read.query,
        read.outcome,
        read.items,
      )
    }
    this.statements.trim.run(RECENT_READS_KEPT)
  }

  dropPending(): void {
    this.pending = []
  }

  /** Must run inside the caller's write transaction. */
  clear(): void {
    this.statements.clear.run()
    this.pending = []
  }

  /** Newest first: the written reads of every process, plus this one's not yet written. */
  list(): RecentRead[] {
    const written = (this.statements.newest.all(RECENT_READS_KEPT) as RecentReadRow[]).map(fromRow)
    return [...this.pending.toReversed(), ...written].sort((a, b) => b.at - a.at).slice(0, RECENT_READS_KEPT)
  }
}

function fromRow(row: RecentReadRow): RecentRead {
  return {
    at: row.at,
    consumer: row.consumer,
    kind: row.kind,
    library: row.library,
    libraryTitle: row.library_title,
    query: row.query,
    outcome: row.outcome,
    items: row.items,
  }
}
