import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { PlexCache, databasePath, type CacheEvent } from '../../../src/main/cache'
import { ITEMS_PER_CHUNK, sortByTitle } from '../../../src/main/cache/entry-codec'
import { movieLibrary } from '../../support/library-items'
import { tempDir } from '../../support/temp-dir'

/** Runs SQL on the closed cache file, as a disk fault or a stray tool would change it behind our back. */
function alterFile(dataDir: string, sql: string): void {
  const db = new Database(databasePath(dataDir))
  try {
    db.exec(sql)
    // The damage is invisible to SQLite's own check: the file is well formed, the data is not.
    expect(db.pragma('quick_check', { simple: true })).toBe('ok')
  } finally {
    db.close()
  }
}

/** The schema version whose migration added the chunk checksums. */
const SCHEMA_BEFORE_CHECKSUMS = 2

const MOVIES_CHUNKS = "(SELECT id FROM entries WHERE library = 'Movies' AND namespace = 'library')"

function seeded(): string {
  const dataDir = tempDir()
  const cache = new PlexCache({ dataDir })
  cache.setLibraryItems('Movies', movieLibrary(200), { title: 'My Movies' })
  cache.setLibraryItems('Other', movieLibrary(50, { seed: 5 }))
  cache.setSearchResults('Movies', 'river', movieLibrary(40))
  cache.close()
  return dataDir
}

function open(dataDir: string): { cache: PlexCache; events: CacheEvent[] } {
  const events: CacheEvent[] = []
  const cache = new PlexCache({ dataDir, onEvent: (event) => events.push(event) })
  return { cache, events }
}

describe('PlexCache: a damaged entry is a miss, dropped whole and reported', () => {
  it('treats a chunk cut short with SQL as a miss, drops the whole library and says so', () => {
    const dataDir = seeded()
    alterFile(
      dataDir,
      `UPDATE chunks SET items = substr(items, 1, 100) WHERE entry_id = ${MOVIES_CHUNKS} AND seq = 2`,
    )
    const { cache, events } = open(dataDir)
    try {
      expect(cache.getLibraryItems('Movies')).toBeNull()
      expect(events).toEqual([
        { type: 'damaged-entry-dropped', namespace: 'library', library: 'Movies', title: 'My Movies' },
      ])
      expect(cache.getLibraryInfo('Movies')).toBeNull()
      const stats = cache.getStats()
      expect(stats.byLibrary.Movies).toEqual({ hits: 0, misses: 1 })
      expect(stats.evictions.damaged).toBe(1)
      // Nothing else was touched: the other library and the search are still served.
      expect(cache.getLibraryItems('Other')).toHaveLength(50)
      expect(cache.getSearchResults('Movies', 'river')).toHaveLength(40)
      // And a fresh copy stores and reads back as usual.
      cache.setLibraryItems('Movies', movieLibrary(200))
      expect(cache.getLibraryItems('Movies')).toHaveLength(200)
    } finally {
      cache.close()
    }
  })

  it('catches a page read of the damaged chunk and a missing chunk', () => {
    const dataDir = seeded()
    alterFile(
      dataDir,
      `UPDATE chunks SET items = replace(items, '"title"', '"titel"') WHERE entry_id = ${MOVIES_CHUNKS} AND seq = 0;
       DELETE FROM chunks WHERE entry_id = (SELECT id FROM entries WHERE library = 'Other') AND seq = 1`,
    )
    const { cache, events } = open(dataDir)
    try {
      // The JSON still parses after this change; only the checksum tells.
      expect(cache.getLibraryPage('Movies', { offset: 0, limit: 10 })).toBeNull()
      expect(cache.getLibraryItems('Other')).toBeNull()
      expect(cache.getLibraryInfo('Other')).toBeNull()
      expect(events.map((event) => event.type === 'damaged-entry-dropped' && event.library)).toEqual([
        'Movies',
        'Other',
      ])
    } finally {
      cache.close()
    }
  })

  it('catches damaged search text when a filter reads it, rather than answer the filter wrongly', () => {
    const dataDir = seeded()
    alterFile(
      dataDir,
      `UPDATE chunks SET match_text = match_text || ' zebra' WHERE entry_id = ${MOVIES_CHUNKS} AND seq = 3`,
    )
    const { cache, events } = open(dataDir)
    try {
      expect(cache.getLibraryPage('Movies', { filter: 'zebra' })).toBeNull()
      expect(events).toHaveLength(1)
    } finally {
      cache.close()
    }
  })

  it('answers a file lookup from the intact libraries, dropping a damaged one it meets', () => {
    const dataDir = seeded()
    // Stored in title order: the item in chunk 2 is the one at that position of the sorted listing.
    const wanted = sortByTitle(movieLibrary(200))[2 * ITEMS_PER_CHUNK + 5]!.files[0]!.path
    alterFile(
      dataDir,
      `UPDATE chunks SET items = substr(items, 1, 50) WHERE entry_id = ${MOVIES_CHUNKS} AND seq = 2`,
    )
    const { cache, events } = open(dataDir)
    try {
      expect(cache.findByPath(wanted)).toEqual([])
      expect(events).toHaveLength(1)
      expect(cache.getLibraryInfo('Movies')).toBeNull()
      const other = movieLibrary(50, { seed: 5 })[3]!.files[0]!.path
      expect(cache.findByPath(other).map((match) => match.library)).toEqual(['Other'])
    } finally {
      cache.close()
    }
  })

  it('reports a damaged listing to a refresh deciding whether to keep it, without counting a read', () => {
    const dataDir = seeded()
    alterFile(
      dataDir,
      `UPDATE chunks SET items = substr(items, 1, 100) WHERE entry_id = ${MOVIES_CHUNKS} AND seq = 6`,
    )
    const { cache, events } = open(dataDir)
    try {
      expect(cache.getIntactLibraryInfo('Other')?.itemCount).toBe(50)
      expect(cache.getIntactLibraryInfo('Movies')).toBeNull()
      expect(events).toHaveLength(1)
      expect(cache.getStats().byLibrary.Movies).toBeUndefined()
    } finally {
      cache.close()
    }
  })

  it('gives chunks stored before checksums existed a checksum when it migrates the file', () => {
    const dataDir = seeded()
    alterFile(
      dataDir,
      // The file as that version left it: no checksums, and none of the tables added since.
      `ALTER TABLE chunks DROP COLUMN items_checksum; ALTER TABLE chunks DROP COLUMN match_checksum;
       DROP TABLE recent_reads; PRAGMA user_version = ${SCHEMA_BEFORE_CHECKSUMS}`,
    )
    const { cache, events } = open(dataDir)
    try {
      expect(cache.getLibraryItems('Movies')).toEqual(sortByTitle(movieLibrary(200)))
      expect(cache.getLibraryPage('Other', { filter: 'river', limit: 5 })?.items.length).toBeGreaterThan(0)
      expect(events).toEqual([])
    } finally {
      cache.close()
    }
  })
})
