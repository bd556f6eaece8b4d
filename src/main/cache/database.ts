import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { migrate, SchemaTooNewError, SCHEMA_VERSION } from './schema'
import { CacheStorageError, folderIsWritable, storageProblemOf } from './storage-errors'

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
  /** Set when the cache could only be opened for reading (a full disk, a read-only folder): what every write throws. */
  readOnly?: CacheStorageError
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
  const folder = path.dirname(file)
  makeFolder(folder)
  // Reads must not depend on being able to write: a cache on a full disk or a read-only folder
  // still answers from what it holds.
  if (!folderIsWritable(folder) || (fs.existsSync(file) && !fileIsWritable(file))) {
    return openForReading(file, new CacheStorageError('read-only', folder))
  }
  try {
    return { db: openHealthy(file), file }
  } catch (error) {
    if (error instanceof SchemaTooNewError) throw error
    const problem = storageProblemOf(error, folder)
    if (problem) return openForReading(file, new CacheStorageError(problem, folder, { cause: error }))
    if (!looksCorrupt(error)) throw error
    const movedTo = moveAside(file, now)
    return { db: openHealthy(file), file, recovery: { movedTo, error: (error as Error).message } }
  }
}

/** mkdir -p, with a plain error: on a read-only mount Node reports a missing folder as ENOENT. */
function makeFolder(folder: string): void {
  try {
    fs.mkdirSync(folder, { recursive: true })
  } catch (error) {
    const problem =
      storageProblemOf(error, folder) ?? (nearestFolderIsWritable(folder) ? undefined : 'read-only')
    if (problem) throw new CacheStorageError(problem, folder, { cause: error })
    throw error
  }
}

function nearestFolderIsWritable(folder: string): boolean {
  let existing = path.dirname(folder)
  while (!fs.existsSync(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing)
  return folderIsWritable(existing)
}

function fileIsWritable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.W_OK)
    return true
  } catch {
    return false
  }
}

/** The cache as it is, for reading only; `blocked` is what writes will throw. Nothing is written, not even a migration. */
function openForReading(file: string, blocked: CacheStorageError): OpenedDatabase {
  if (!fs.existsSync(file)) throw blocked
  const db = openReadOnly(file)
  try {
    assertIntact(db)
    const version = db.pragma('user_version', { simple: true }) as number
    if (version > SCHEMA_VERSION) throw new SchemaTooNewError(version)
    // An older file needs a migration, which is a write.
    if (version < SCHEMA_VERSION) throw blocked
  } catch (error) {
    db.close()
    throw error
  }
  return { db, file, readOnly: blocked }
}

function openReadOnly(file: string): Database.Database {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS })
    try {
      db.prepare('SELECT count(*) FROM sqlite_master').get()
      return db
    } catch (error) {
      db.close()
      throw error
    }
  } catch {
    // A WAL-mode file needs its -shm index beside it, which a read-only folder cannot hold. A
    // private copy in memory needs none. Bytes 18-19 of the header say WAL (2); the copy is marked
    // rollback-journal (1) so SQLite opens it. A WAL file left beside it (an unclean close) is not
    // in the copy: its last writes are not seen.
    const copy = fs.readFileSync(file)
    if (copy.length > 19) copy.fill(1, 18, 20)
    return new Database(copy, { readonly: true })
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
