import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { PlexCache, databasePath, type CachedItem } from '../../../src/main/cache'
import { checksumOf } from '../../../src/main/cache/entry-codec'
import { refoldStoredEntries } from '../../../src/main/cache/refold-migration'
import { foldForMatch, naturalSortKey } from '../../../src/shared/text-fold'
import { tempDir } from '../../support/temp-dir'

function movie(ratingKey: number, title: string, path: string, titleSort?: string): CachedItem {
  return {
    ratingKey: String(ratingKey),
    key: `/library/metadata/${ratingKey}`,
    type: 'movie',
    title,
    ...(titleSort === undefined ? {} : { titleSort }),
    files: [{ path }],
  }
}

/** Given in an order that is neither the natural nor the plain text order. */
const MOVIES: CachedItem[] = [
  movie(1, 'Archive 10', '/films/Archive 10.mkv'),
  movie(2, 'Zebra', '/films/Zebra.mkv'),
  movie(3, 'The Matrix', '/films/The Matrix (1999).mkv', 'Matrix'),
  movie(4, 'Archive 2', '/films/Archive 2.mkv'),
  movie(5, 'Léon', '/films/Léon (1994)/Léon (1994).mkv'),
  movie(6, 'apple', '/films/apple.mkv'),
  movie(7, 'Amélie', '/films/Amélie (2001)/Amélie (2001).mkv'),
  movie(8, 'Øresund', '/films/Øresund.mkv'),
]
const NATURAL_ORDER = ['Amélie', 'apple', 'Archive 2', 'Archive 10', 'Léon', 'The Matrix', 'Øresund', 'Zebra']

const titles = (items: readonly CachedItem[]) => items.map((item) => item.title)

function withMovies(): { dataDir: string; cache: PlexCache } {
  const dataDir = tempDir()
  const cache = new PlexCache({ dataDir })
  cache.setLibraryItems('Movies', MOVIES)
  return { dataDir, cache }
}

describe('text folding and natural order (the shared helper)', () => {
  it('ignores case and accents, keeps tabs and line breaks, and leaves ASCII as lower case', () => {
    expect(foldForMatch('Amélie')).toBe('amelie')
    expect(foldForMatch('LÉON')).toBe('leon')
    // Decomposed input (e + combining acute) folds the same as precomposed.
    expect(foldForMatch('Ame\u0301lie')).toBe('amelie')
    expect(foldForMatch('Øresund Straße Æon')).toBe('oresund strasse aeon')
    expect(foldForMatch('a\tÉ\nb')).toBe('a\te\nb')
    expect(foldForMatch('/Movies/Alien (1979).MKV')).toBe('/movies/alien (1979).mkv')
    // A full-width solidus is not a path separator and must not become one.
    expect(foldForMatch('a\uFF0Fb')).not.toContain('/')
  })

  it('orders numbers by value, whatever their leading zeros', () => {
    const sorted = ['Archive 10', 'Archive 2', 'archive 1', 'Archive 007', 'Archive 100'].sort((a, b) =>
      naturalSortKey(a) < naturalSortKey(b) ? -1 : 1,
    )
    expect(sorted).toEqual(['archive 1', 'Archive 2', 'Archive 007', 'Archive 10', 'Archive 100'])
  })
})

describe('PlexCache over real SQLite: natural title order and accent-blind matching', () => {
  it('lists a library by sort title in natural order, ignoring case and accents', () => {
    const { cache } = withMovies()
    try {
      expect(titles(cache.getLibraryPage('Movies')?.items ?? [])).toEqual(NATURAL_ORDER)
      // Pages agree with the whole listing.
      expect(titles(cache.getLibraryPage('Movies', { offset: 2, limit: 3 })?.items ?? [])).toEqual(
        NATURAL_ORDER.slice(2, 5),
      )
    } finally {
      cache.close()
    }
  })

  it('filters titles and paths without regard to accents or case', () => {
    const { cache } = withMovies()
    try {
      expect(titles(cache.getLibraryPage('Movies', { filter: 'amelie' })?.items ?? [])).toEqual(['Amélie'])
      expect(titles(cache.getLibraryPage('Movies', { filter: 'LEON' })?.items ?? [])).toEqual(['Léon'])
      expect(titles(cache.getLibraryPage('Movies', { filter: 'oresund' })?.items ?? [])).toEqual(['Øresund'])
      // Accents typed where the title has none still match, and a path matches without them too.
      expect(titles(cache.getLibraryPage('Movies', { filter: 'Zébra' })?.items ?? [])).toEqual(['Zebra'])
      expect(
        titles(cache.getLibraryPage('Movies', { filter: '/films/amelie (2001)/' })?.items ?? []),
      ).toEqual(['Amélie'])
      expect(cache.getLibraryPage('Movies', { filter: 'archive' })?.total).toBe(2)
    } finally {
      cache.close()
    }
  })

  it('finds a file by name or full path without regard to accents or case', () => {
    const { cache } = withMovies()
    try {
      const byName = cache.findByFileName('amelie (2001).MKV')
      expect(byName.map((match) => match.file.path)).toEqual(['/films/Amélie (2001)/Amélie (2001).mkv'])
      const byPath = cache.findByPath('/FILMS/Leon (1994)/Leon (1994).mkv')
      expect(byPath.map((match) => match.item.title)).toEqual(['Léon'])
      expect(cache.findByFileName('amelie.mkv')).toEqual([])
    } finally {
      cache.close()
    }
  })

  it('re-encodes a cache written by the previous build (the schema migration): natural order and accent-blind filters at once', () => {
    const { dataDir, cache } = withMovies()
    cache.close()
    // Rewrite the stored entry as the previous build did: plain lower-case order, accents kept
    // in the search text and the file name index.
    const oldOrder = [...MOVIES].sort((a, b) => (a.title.toLowerCase() < b.title.toLowerCase() ? -1 : 1))
    const items = JSON.stringify(oldOrder)
    const matchText = oldOrder
      .map((item) => [item.title, ...item.files.map((file) => file.path)].join('\t').toLowerCase())
      .join('\n')
    const db = new Database(databasePath(dataDir))
    try {
      const entryId = (
        db.prepare("SELECT id FROM entries WHERE namespace = 'library'").get() as { id: number }
      ).id
      db.prepare(
        'UPDATE chunks SET items = ?, match_text = ?, items_checksum = ?, match_checksum = ? WHERE entry_id = ?',
      ).run(items, matchText, checksumOf(items), checksumOf(matchText), entryId)
      db.prepare('DELETE FROM file_names WHERE entry_id = ?').run(entryId)
      oldOrder.forEach((item, position) =>
        db
          .prepare('INSERT INTO file_names (entry_id, name, position) VALUES (?, ?, ?)')
          .run(entryId, item.files[0]!.path.split('/').pop()!.toLowerCase(), position),
      )
      refoldStoredEntries(db)
    } finally {
      db.close()
    }

    const reopened = new PlexCache({ dataDir })
    try {
      expect(titles(reopened.getLibraryPage('Movies')?.items ?? [])).toEqual(NATURAL_ORDER)
      expect(titles(reopened.getLibraryPage('Movies', { filter: 'amelie' })?.items ?? [])).toEqual(['Amélie'])
      expect(reopened.findByFileName('leon (1994).mkv').map((match) => match.item.title)).toEqual(['Léon'])
    } finally {
      reopened.close()
    }
  })
})
