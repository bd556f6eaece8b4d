import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { CacheStorageError, PlexCache, databasePath } from '../../../src/main/cache'
import { asStorageError } from '../../../src/main/cache/storage-errors'
import { fakePlex } from '../../support/fake-plex'
import { movieLibrary } from '../../support/library-items'
import { tempDir } from '../../support/temp-dir'
import { json, runCli } from '../cli/run-cli'

/**
 * A real full disk and a real read-only folder need mount(8), so root. These tests run as root on
 * the build machines; elsewhere the mount tests are skipped and only the simulated ones run.
 */
function mountingWorks(): boolean {
  const probe = tempDir('plex-cache-mount-probe-')
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' })
    execFileSync('umount', [probe], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

const CAN_MOUNT = mountingWorks()

/** Runs `work` with a small tmpfs mounted at a fresh folder, always unmounting afterwards. */
async function onSmallDisk(sizeKb: number, work: (disk: string) => Promise<void>): Promise<void> {
  const disk = tempDir('plex-cache-disk-')
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', disk])
  try {
    await work(disk)
  } finally {
    execFileSync('umount', ['-l', disk])
  }
}

/** Takes every free byte of the disk holding `folder`. */
function fillDisk(folder: string): void {
  const block = Buffer.alloc(4096)
  const fd = fs.openSync(path.join(folder, 'filler'), 'w')
  try {
    for (;;) fs.writeSync(fd, block)
  } catch (error) {
    expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC')
  } finally {
    fs.closeSync(fd)
  }
}

/** Makes `folder` read-only in place: a read-only bind mount over itself (root ignores permission bits). */
async function readOnly(folder: string, work: () => Promise<void>): Promise<void> {
  execFileSync('mount', ['--bind', folder, folder])
  try {
    execFileSync('mount', ['-o', 'remount,ro,bind', folder])
    await work()
  } finally {
    execFileSync('umount', ['-l', folder])
  }
}

const DATASET = { movies: 1_500, shows: 1, seasonsPerShow: 1, episodesPerSeason: 2, artists: 1, photos: 0 }
const FULL =
  /^plex-cache: (could not refresh Movies: )?the disk holding the cache is full \(.*\/cache\); free some space, then try again$/m
const READ_ONLY = (folder: string) =>
  new RegExp(`^plex-cache: (could not refresh Movies: )?the cache folder ${folder}/cache is read-only;`, 'm')

describe.skipIf(!CAN_MOUNT)('a cache on a full disk (a real tmpfs)', () => {
  it('still serves what it holds; writes fail saying the disk is full', async () => {
    const plex = await fakePlex({ dataset: DATASET })
    await onSmallDisk(4096, async (disk) => {
      const dataDir = path.join(disk, 'data')
      const cli = (...args: string[]) =>
        runCli([...args, '--data-dir', dataDir], { env: { PLEX_URL: plex.url, PLEX_TOKEN: plex.token } })
      expect((await cli('refresh', 'Movies')).status).toBe(0)
      fillDisk(disk)

      const items = await cli('items', 'Movies', '--limit', '2', '--json')
      expect(items.status).toBe(0)
      expect(json<{ source: string; total: number }>(items)).toMatchObject({ source: 'cache', total: 1_500 })
      expect(items.stderr).not.toMatch(/disk I\/O error|SQLITE/)

      const refresh = await cli('refresh', 'Movies', '--force')
      expect(refresh.status).toBe(1)
      expect(refresh.stderr).toMatch(FULL)

      // Through the cache itself: the typed error, and nothing changed.
      const cache = new PlexCache({ dataDir })
      try {
        const [movies] = cache.listEntries()
        expect(cache.getLibraryItems(movies!.library)).toHaveLength(1_500)
        const write = () => cache.setLibraryItems('Other', movieLibrary(3_000))
        expect(write).toThrow(CacheStorageError)
        expect(write).toThrow(/the disk holding the cache is full/)
        expect(cache.listEntries().map((entry) => entry.itemCount)).toEqual([1_500])
      } finally {
        cache.close()
      }
    })
  }, 60_000)
})

describe.skipIf(!CAN_MOUNT)('a cache in a read-only folder (a read-only bind mount)', () => {
  it('is opened for reading: hits are served with a warning, writes fail naming the folder', async () => {
    const plex = await fakePlex({ dataset: DATASET })
    const dataDir = tempDir()
    const cli = (...args: string[]) =>
      runCli([...args, '--data-dir', dataDir], { env: { PLEX_URL: plex.url, PLEX_TOKEN: plex.token } })
    expect((await cli('refresh', 'Movies')).status).toBe(0)
    // A clean close folds the WAL into the file: what a read-only folder holds is complete.
    expect(fs.existsSync(`${databasePath(dataDir)}-wal`)).toBe(false)

    await readOnly(dataDir, async () => {
      const items = await cli('items', 'Movies', '--limit', '2', '--json')
      expect(items.status).toBe(0)
      expect(json<{ source: string; total: number }>(items)).toMatchObject({ source: 'cache', total: 1_500 })
      expect(items.stderr).toMatch(/warning: The cache can only be read: the cache folder .* is read-only/)

      const refresh = await cli('refresh', 'Movies', '--force')
      expect(refresh.status).toBe(1)
      expect(refresh.stderr).toMatch(READ_ONLY(dataDir))

      const cleared = await cli('clear')
      expect(cleared.status).toBe(1)
      expect(cleared.stderr).toMatch(READ_ONLY(dataDir))
      const reset = await cli('stats', '--reset')
      expect(reset.status).toBe(1)
      expect(reset.stderr).toMatch(READ_ONLY(dataDir))

      // A data folder not made yet, on the read-only mount: said plainly, not ENOENT from mkdir.
      const fresh = path.join(dataDir, 'new-data')
      const elsewhere = await runCli(['items', 'Movies', '--data-dir', fresh], {
        env: { PLEX_URL: plex.url, PLEX_TOKEN: plex.token },
      })
      expect(elsewhere.status).toBe(1)
      expect(elsewhere.stderr.trim()).toMatch(READ_ONLY(fresh))
      expect(elsewhere.stderr).not.toMatch(/ENOENT|mkdir/)
    })
    // Nothing was changed while it was read-only.
    expect(json<{ source: string }>(await cli('items', 'Movies', '--limit', '1', '--json')).source).toBe(
      'cache',
    )
  }, 60_000)
})

describe('storage failures, simulated with real SQLite errors (runs everywhere)', () => {
  it('maps SQLITE_FULL and SQLITE_READONLY to the plain typed error', () => {
    const dataDir = tempDir()
    new PlexCache({ dataDir }).close()
    const file = databasePath(dataDir)
    const db = new Database(file)
    // max_page_count caps the file where it is: SQLite's own "database or disk is full".
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`)
    let full: unknown
    try {
      db.prepare('INSERT INTO documents VALUES (?, ?, 0, 0)').run('k', 'x'.repeat(200_000))
    } catch (error) {
      full = error
    }
    db.close()
    expect((full as { code?: string }).code).toBe('SQLITE_FULL')
    expect(asStorageError(full, 'FOLDER')).toMatchObject({ problem: 'full', folder: 'FOLDER' })

    const reader = new Database(file, { readonly: true })
    let readOnlyWrite: unknown
    try {
      reader.exec("INSERT INTO documents VALUES ('k', 'v', 0, 0)")
    } catch (error) {
      readOnlyWrite = error
    }
    reader.close()
    expect(asStorageError(readOnlyWrite, 'FOLDER')).toMatchObject({
      problem: 'read-only',
      message: expect.stringMatching(/^the cache folder FOLDER is read-only/),
    })
    const other = new Error('something else')
    expect(asStorageError(other, 'FOLDER')).toBe(other)
  })
})
