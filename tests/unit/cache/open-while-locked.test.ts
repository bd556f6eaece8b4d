import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { PlexCache, databasePath } from '../../../src/main/cache'
import { movieLibrary } from '../../support/library-items'
import { tempDir } from '../../support/temp-dir'

/** Another connection, as another process would, holding the write lock until released. */
function holdWriteLock(dataDir: string): { release(): void } {
  const other = new Database(databasePath(dataDir))
  other.exec('BEGIN IMMEDIATE')
  return {
    release() {
      other.exec('ROLLBACK')
      other.close()
    },
  }
}

describe('PlexCache: opening never waits for the write lock', () => {
  it('opens an up-to-date file and serves a cached library while another connection holds BEGIN IMMEDIATE', () => {
    const dataDir = tempDir()
    const seeded = new PlexCache({ dataDir })
    seeded.setLibraryItems('Movies', movieLibrary(100))
    seeded.close()

    const lock = holdWriteLock(dataDir)
    try {
      const started = Date.now()
      const cache = new PlexCache({ dataDir, statsFlushIntervalMs: 60_000 })
      expect(cache.getLibraryItems('Movies')).toHaveLength(100)
      // Well under the 15 s busy timeout: neither the open nor the read queued behind the lock.
      expect(Date.now() - started).toBeLessThan(2_000)
      // Closing flushes the read's hit count; behind the lock it gives up after a short wait instead of throwing.
      const closing = Date.now()
      expect(() => cache.close()).not.toThrow()
      expect(Date.now() - closing).toBeLessThan(5_000)
    } finally {
      try {
        lock.release()
      } catch {
        // Already released above.
      }
    }
  })
})
