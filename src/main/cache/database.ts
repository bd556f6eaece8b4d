import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { migrate, SchemaTooNewError } from './schema'

export const DATABASE_FILE_NAME = 'plex-cache.sqlite'

/** Long enough to ride out another process's biggest write (a whole large library), short enough to report a hang. */
const BUSY_TIMEOUT_MS = 15_000

const PAGE_SIZE_BYTES = 16_384
const WAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024

export interface CorruptFileRecovery {
  movedTo: string
  error: string
}

export interface OpenedDatabase {
  db: Database.Database
  file: string
  recovery?: CorruptFileRecovery
}

export function databasePath(dataDir: string): string {
  return path.join(dataDir, 'cache', DATABASE_FILE_NAME)
}

/**
 * Opens (creating when missing) the cache database. A file that is not a healthy SQLite
 * database is moved aside and replaced by a fresh one: the cache holds nothing that cannot
 * be fetched from Plex again, so starting over beats refusing to start.
 */
export function openCacheDatabase(dataDir: string, now: number): OpenedDatabase {
  const file = databasePath(dataDir)
  fs.mkdirSync(path.dirname(file), { recursive: true })
  try {
    return { db: openHealthy(file), file }
  } catch (error) {
    if (error instanceof SchemaTooNewError || !looksCorrupt(error)) throw error
    const movedTo = moveAside(file, now)
    return { db: openHealthy(file), file, recovery: { movedTo, error: (error as Error).message } }
  }
}

function openHealthy(file: string): Database.Database {
  const db = new Database(file, { timeout: BUSY_TIMEOUT_MS })
  try {
    // Only takes effect on a new, empty file. Chunks of items are several KB each; bigger pages
    // store them with fewer overflow pages (measured with npm run bench).
    db.pragma(`page_size = ${PAGE_SIZE_BYTES}`)
    db.pragma('journal_mode = WAL')
    // The WAL is reused after each checkpoint; this caps what it keeps on disk after a big write.
    db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`)
    // NORMAL is durable across application crashes in WAL mode; only a power loss may drop the last commits.
    db.pragma('synchronous = NORMAL')
    assertIntact(db)
    migrate(db)
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

function assertIntact(db: Database.Database): void {
  const rows = db.pragma('quick_check(1)') as Array<{ quick_check: string }>
  const verdict = rows[0]?.quick_check
  if (verdict !== 'ok') {
    const error = new Error(`database disk image is malformed (quick_check: ${verdict ?? 'no answer'})`)
    ;(error as Error & { code: string }).code = 'SQLITE_CORRUPT'
    throw error
  }
}

const CORRUPTION_CODES = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT'])

function looksCorrupt(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && [...CORRUPTION_CODES].some((prefix) => code.startsWith(prefix))
}

/** Keeps the damaged file (and its WAL) for inspection rather than deleting evidence. */
function moveAside(file: string, now: number): string {
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-')
  const movedTo = `${file}.corrupt-${stamp}`
  fs.renameSync(file, movedTo)
  for (const suffix of ['-wal', '-shm']) {
    if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, movedTo + suffix)
  }
  return movedTo
}
