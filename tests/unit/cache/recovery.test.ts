import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import {
  CacheArgumentError,
  PlexCache,
  SchemaTooNewError,
  SCHEMA_VERSION,
  databasePath,
  type CacheEvent,
} from '../../../src/main/cache'
import { movieLibrary } from '../../support/library-items'
import { tempDir } from '../../support/temp-dir'

function filesBesideDatabase(dataDir: string): string[] {
  return fs.readdirSync(path.join(dataDir, 'cache')).sort()
}

function expectFreshCacheAfterRecovery(dataDir: string, damaged: Buffer): void {
  const events: CacheEvent[] = []
  const cache = new PlexCache({ dataDir, onEvent: (event) => events.push(event) })
  try {
    expect(events).toHaveLength(1)
    const [event] = events
    if (event?.type !== 'corrupt-file-recovered') throw new Error(`expected a recovery, got ${event?.type}`)
    expect(cache.recovery?.movedTo).toBe(event.movedTo)
    expect(path.basename(event.movedTo)).toMatch(/^plex-cache\.sqlite\.corrupt-\d{4}-\d\d-\d\dT/)
    // The damaged file is kept, byte for byte, for anyone who wants to look at it.
    expect(fs.readFileSync(event.movedTo).equals(damaged)).toBe(true)
    expect(cache.getLibraryItems('Movies')).toBeNull()
    cache.setLibraryItems('Movies', movieLibrary(3))
    expect(cache.getLibraryItems('Movies')).toHaveLength(3)
  } finally {
    cache.close()
  }
}

describe('PlexCache: damaged files', () => {
  it('moves a file that is not SQLite aside and starts a fresh cache', () => {
    const dataDir = tempDir()
    fs.mkdirSync(path.join(dataDir, 'cache'))
    const garbage = Buffer.from('this is not a database, just some text that landed here\n'.repeat(200))
    fs.writeFileSync(databasePath(dataDir), garbage)
    expectFreshCacheAfterRecovery(dataDir, garbage)
  })

  it('detects a truncated cache file on open', () => {
    const dataDir = tempDir()
    const cache = new PlexCache({ dataDir })
    cache.setLibraryItems('Movies', movieLibrary(3_000))
    cache.close()
    const whole = fs.readFileSync(databasePath(dataDir))
    const truncated = whole.subarray(0, Math.floor(whole.length / 3))
    fs.writeFileSync(databasePath(dataDir), truncated)
    expectFreshCacheAfterRecovery(dataDir, truncated)
  })

  it('detects pages overwritten with garbage', () => {
    const dataDir = tempDir()
    const cache = new PlexCache({ dataDir })
    cache.setLibraryItems('Movies', movieLibrary(3_000))
    cache.close()
    const bytes = fs.readFileSync(databasePath(dataDir))
    for (let offset = 4096; offset < bytes.length; offset += 7) bytes[offset] = (offset * 31) & 0xff
    fs.writeFileSync(databasePath(dataDir), bytes)
    expectFreshCacheAfterRecovery(dataDir, bytes)
  })

  it('refuses, without touching it, a file written by a newer schema', () => {
    const dataDir = tempDir()
    new PlexCache({ dataDir }).close()
    const db = new Database(databasePath(dataDir))
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`)
    db.close()
    const before = filesBesideDatabase(dataDir)
    expect(() => new PlexCache({ dataDir })).toThrow(SchemaTooNewError)
    expect(filesBesideDatabase(dataDir)).toEqual(before)
  })

  it('records the schema version it migrated to', () => {
    const dataDir = tempDir()
    new PlexCache({ dataDir }).close()
    const db = new Database(databasePath(dataDir), { readonly: true })
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    db.close()
  })
})

describe('PlexCache: bad arguments', () => {
  it('rejects them with a clear error and changes nothing', () => {
    const cache = new PlexCache({ dataDir: tempDir() })
    try {
      cache.setLibraryItems('Movies', movieLibrary(4))
      const before = cache.listEntries()
      const attempts: Array<() => unknown> = [
        () => cache.setLibraryItems('', movieLibrary(1)),
        () => cache.setLibraryItems('   ', movieLibrary(1)),
        () => cache.setLibraryItems('Movies', 'not a list' as never),
        () => cache.setLibraryItems('Movies', [{ title: 'no key', files: [] }] as never),
        () => cache.setLibraryItems('x'.repeat(5_000), movieLibrary(1)),
        () => cache.setSearchResults('Movies', 42 as never, []),
        () => cache.getLibraryItems(undefined as never),
        () => cache.findByFileName(''),
        () => cache.clearLibrary(null as never),
      ]
      for (const attempt of attempts) expect(attempt).toThrow(CacheArgumentError)
      expect(cache.listEntries()).toEqual(before)
      expect(cache.getLibraryItems('Movies')).toHaveLength(4)
      expect(() => new PlexCache({ dataDir: tempDir(), sizeLimitBytes: 0 })).toThrow(/sizeLimitBytes/)
    } finally {
      cache.close()
    }
  })

  it('says clearly when used after close', () => {
    const cache = new PlexCache({ dataDir: tempDir() })
    cache.close()
    expect(() => cache.getLibraryItems('Movies')).toThrow(/closed/)
    expect(() => cache.close()).not.toThrow()
  })
})
