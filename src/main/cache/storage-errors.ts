import fs from 'node:fs'

export type StorageProblem = 'full' | 'read-only'

/**
 * The cache cannot write where it lives: the disk is full, or the folder (or its file system) is
 * read-only. Said plainly, with the folder, instead of SQLite's "disk I/O error" or a misleading
 * ENOENT from mkdir. Reads of what is already cached still work (see openCacheDatabase).
 */
export class CacheStorageError extends Error {
  constructor(
    readonly problem: StorageProblem,
    readonly folder: string,
    options: { cause?: unknown } = {},
  ) {
    super(
      problem === 'full'
        ? `the disk holding the cache is full (${folder}); free some space, then try again`
        : `the cache folder ${folder} is read-only; nothing new can be cached there (choose another data folder, or make it writable)`,
      options.cause === undefined ? undefined : { cause: options.cause },
    )
    this.name = 'CacheStorageError'
  }
}

const FULL_CODES = ['SQLITE_FULL', 'ENOSPC', 'EDQUOT']
const READ_ONLY_CODES = ['SQLITE_READONLY', 'EROFS', 'EACCES', 'EPERM']

/**
 * The storage problem behind a failed write or open, or undefined for any other error. SQLite may
 * call a full disk a plain I/O error (it could not grow the WAL or its index), so such an error on
 * a file system with no space left counts as full too.
 */
export function storageProblemOf(error: unknown, folder: string): StorageProblem | undefined {
  const code = (error as { code?: unknown } | null)?.code
  if (typeof code !== 'string') return undefined
  if (FULL_CODES.some((prefix) => code.startsWith(prefix))) return 'full'
  if (READ_ONLY_CODES.some((prefix) => code.startsWith(prefix))) return 'read-only'
  if ((code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN')) && noSpaceLeft(folder))
    return 'full'
  return undefined
}

/** The error to throw for a failed write: a CacheStorageError when the disk or folder is the cause. */
export function asStorageError(error: unknown, folder: string): unknown {
  if (error instanceof CacheStorageError) return error
  const problem = storageProblemOf(error, folder)
  return problem ? new CacheStorageError(problem, folder, { cause: error }) : error
}

/** Whether the folder can take new files: false on a read-only mount or without write permission. */
export function folderIsWritable(folder: string): boolean {
  try {
    fs.accessSync(folder, fs.constants.W_OK)
    return true
  } catch {
    return false
  }
}

function noSpaceLeft(folder: string): boolean {
  try {
    return fs.statfsSync(folder).bavail === 0
  } catch {
    return false
  }
}
