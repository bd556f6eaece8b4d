import type Database from 'better-sqlite3'
import type { StoredDocument } from './types'

interface DocumentRow {
  value: string
  created_at: number
  expires_at: number
}

const MAX_PARSED_DOCUMENTS = 256

/**
 * Small JSON values with a TTL that are not item listings (a server's section list, its identity).
 * They are tiny next to listings, so they are not counted against the size limit.
 */
export class DocumentStore {
  private readonly s
  /**
   * The last value parsed for each key, with the text it came from: a section list is read on
   * every library read, and parsing it again each time cost more than the read. Values are shared,
   * so no caller may change one.
   */
  private readonly parsed = new Map<string, { text: string; value: unknown }>()

  constructor(db: Database.Database) {
    this.s = {
      get: db.prepare('SELECT value, created_at, expires_at FROM documents WHERE key = ?'),
      expiry: db.prepare('SELECT expires_at FROM documents WHERE key = ?').pluck(),
      put: db.prepare(
        `INSERT INTO documents (key, value, created_at, expires_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, created_at = excluded.created_at,
           expires_at = excluded.expires_at`,
      ),
      delete: db.prepare('DELETE FROM documents WHERE key = ?'),
      deleteByPrefix: db.prepare('DELETE FROM documents WHERE substr(key, 1, length(?)) = ?'),
    }
  }

  get<T>(key: string, now: number, allowStale: boolean): StoredDocument<T> | null {
    const row = this.s.get.get(key) as DocumentRow | undefined
    if (!row) return null
    const stale = row.expires_at <= now
    if (stale && !allowStale) return null
    return {
      value: this.parse(key, row.value) as T,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
      stale,
    }
  }

  private parse(key: string, text: string): unknown {
    const known = this.parsed.get(key)
    if (known?.text === text) return known.value
    const value: unknown = JSON.parse(text)
    // Documents are few (a section list and an identity per server, a scope per proxy token).
    if (this.parsed.size >= MAX_PARSED_DOCUMENTS) this.parsed.clear()
    this.parsed.set(key, { text, value })
    return value
  }

  /** Whether a fresh copy is kept, without parsing it (asked on every read). */
  hasFresh(key: string, now: number): boolean {
    const expiresAt = this.s.expiry.get(key) as number | undefined
    return expiresAt !== undefined && expiresAt > now
  }

  put(key: string, value: unknown, createdAt: number, expiresAt: number): void {
    this.s.put.run(key, JSON.stringify(value), createdAt, expiresAt)
  }

  delete(key: string): boolean {
    return this.s.delete.run(key).changes > 0
  }

  deleteByPrefix(prefix: string): number {
    return this.s.deleteByPrefix.run(prefix, prefix).changes
  }
}
