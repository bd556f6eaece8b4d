import type { CachedItem } from '../../src/main/cache'

const WORDS = [
  'Silent',
  'River',
  'Crimson',
  'Night',
  'Garden',
  'Echo',
  'Iron',
  'Summer',
  'Lost',
  'Harbor',
  'Paper',
  'Moon',
]
const NON_ASCII_TITLES = [
  'Amélie',
  'Léon',
  'Das Boot',
  'Crouching Tiger, Hidden Dragon',
  '千と千尋の神隠し',
  'Åsa-Nisse',
  'Ça ira',
]

/**
 * A deterministic movie library with realistic titles and absolute file paths: item i always has
 * the same title and the file `<Title> (<year>) [<i>].mkv`, so tests can name what they look for.
 */
export function movieLibrary(count: number, { seed = 1 } = {}): CachedItem[] {
  return Array.from({ length: count }, (_, i) => {
    const title =
      i % 50 === 7
        ? `${NON_ASCII_TITLES[i % NON_ASCII_TITLES.length]} ${i}`
        : `${WORDS[(i * 7 + seed) % WORDS.length]} ${WORDS[(i * 3 + seed) % WORDS.length]} ${i}`
    const year = 1950 + ((i * 13) % 75)
    const ratingKey = String(10_000 + i)
    const fileName = movieFileName(i, title, year)
    const files = [
      { path: `/data/media/Movies/${title} (${year})/${fileName}`, size: 700_000_000 + i * 1013 },
    ]
    if (i % 97 === 3)
      files.push({
        path: `/data/media/Movies/${title} (${year})/${title} (${year}) - part2.mkv`,
        size: 650_000_000,
      })
    return {
      ratingKey,
      key: `/library/metadata/${ratingKey}`,
      type: 'movie',
      title,
      year,
      guid: `plex://movie/${(0x5d7768 + i).toString(16).padStart(24, '0')}`,
      addedAt: 1_600_000_000 + i * 60,
      updatedAt: 1_700_000_000 + i * 60,
      files,
    }
  })
}

export function movieFileName(i: number, title: string, year: number): string {
  return `${title} (${year}) [${i}].mkv`
}
