import type { CachedFile, CachedItem } from '../../src/main/cache/types'

/**
 * Deterministic generator of a realistic Plex movie library. Both sides of the benchmark store
 * exactly these objects (the Python side reads them from a JSON file), so differences in timing
 * come from the stores, not from the data.
 */

/** mulberry32: tiny, fast and good enough to make reproducible-but-irregular data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const ADJECTIVES = [
  'Dark', 'Silent', 'Last', 'Lost', 'Broken', 'Golden', 'Hidden', 'Eternal', 'Crimson', 'Frozen',
  'Wild', 'Midnight', 'Final', 'Secret', 'Iron', 'Burning', 'Little', 'Distant', 'Blue', 'Savage',
  'Quiet', 'Electric', 'Bitter', 'Hollow', 'Northern', 'Sweet', 'Paper', 'Glass', 'Velvet', 'Red',
] // prettier-ignore

const NOUNS = [
  'Road', 'River', 'Kingdom', 'Summer', 'Shadow', 'Heart', 'Storm', 'Garden', 'Empire', 'Stranger',
  'City', 'Island', 'Promise', 'Horizon', 'Knight', 'Ocean', 'Witness', 'Harvest', 'Echo', 'Mirror',
  'Station', 'Frontier', 'Letter', 'Hunter', 'Orchard', 'Machine', 'Winter', 'Daughter', 'Signal', 'Crown',
] // prettier-ignore

const SUBTITLES = ['Rising', 'The Return', 'Redemption', 'Origins', 'The Reckoning', 'Homecoming', 'Legacy']

/** Real-world non-ASCII titles: accents, German umlauts/ß, Japanese, Cyrillic, Nordic letters. */
const FOREIGN_TITLES = [
  'Amélie', 'Léon', 'Le Fabuleux Destin', 'Das Leben der Anderen', 'Lola rennt', 'Der Himmel über Berlin',
  'Die fetten Jahre sind vorbei', 'Schöne Grüße aus Straßburg', '千と千尋の神隠し', '七人の侍', 'となりのトトロ',
  'もののけ姫', 'Y tu mamá también', 'El laberinto del fauno', 'Smultronstället', 'Låt den rätte komma in',
  'Сталкер', 'Иди и смотри', 'La haine', 'Cidade de Deus', 'Ç’est la vie', 'Jagten', 'Kærlighed på film',
] // prettier-ignore

const QUALITIES = [
  { label: '720p', minGb: 1, maxGb: 4 },
  { label: '1080p', minGb: 4, maxGb: 15 },
  { label: 'Bluray-1080p', minGb: 8, maxGb: 25 },
  { label: 'WEBDL-1080p', minGb: 3, maxGb: 9 },
  { label: '2160p', minGb: 15, maxGb: 70 },
]

const GUID_PREFIXES = ['5d7768', '5d776b', '5d9c08', '5e1611', '60f1f0']
const FIRST_ADDED_AT = 1_420_070_400 // 2015-01-01, when a typical long-lived library was started
const LAST_ADDED_AT = 1_733_011_200 // 2024-12-01
const MULTI_PART_SHARE = 0.02

export const LIBRARY_ROOT = '/data/media/Movies'

function pick<T>(random: () => number, values: readonly T[]): T {
  const value = values[Math.floor(random() * values.length)]
  if (value === undefined) throw new Error('pick() from an empty list')
  return value
}

function between(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1))
}

function makeTitle(random: () => number): string {
  const roll = random()
  if (roll < 0.08) return pick(random, FOREIGN_TITLES)
  const adjective = pick(random, ADJECTIVES)
  const noun = pick(random, NOUNS)
  if (roll < 0.3) return `The ${adjective} ${noun}`
  if (roll < 0.5) return `${adjective} ${noun}`
  if (roll < 0.65) return `The ${noun} of ${pick(random, NOUNS)}`
  if (roll < 0.8) return `${adjective} ${noun}: ${pick(random, SUBTITLES)}`
  if (roll < 0.9) return `${noun} ${between(random, 2, 5)}`
  return `A ${noun} in ${pick(random, ['Paris', 'Tokyo', 'Berlin', 'Winter', 'the Rain', 'Montréal'])}`
}

/** Radarr-style folder names: characters that are awkward in paths are replaced, not kept. */
function toFolderName(title: string, year: number): string {
  const safe = title.replace(/:/g, ' -').replace(/[?*"<>|/\\]/g, '')
  return `${safe} (${year})`
}

function makeFiles(random: () => number, folder: string): CachedFile[] {
  const quality = pick(random, QUALITIES)
  const extension = pick(random, ['mkv', 'mkv', 'mkv', 'mp4', 'avi'])
  const sizeOf = () => between(random, quality.minGb * 1e9, quality.maxGb * 1e9)
  const directory = `${LIBRARY_ROOT}/${folder}`
  if (random() < MULTI_PART_SHARE) {
    return [1, 2].map((part) => ({
      path: `${directory}/${folder} - ${quality.label} - pt${part}.${extension}`,
      size: sizeOf(),
    }))
  }
  return [{ path: `${directory}/${folder} - ${quality.label}.${extension}`, size: sizeOf() }]
}

function makeGuid(random: () => number): string {
  let hex = pick(random, GUID_PREFIXES)
  while (hex.length < 24) hex += Math.floor(random() * 16).toString(16)
  return `plex://movie/${hex}`
}

export function generateLibrary(itemCount: number, seed = 20_240_601): CachedItem[] {
  const random = seededRandom(seed)
  const items: CachedItem[] = []
  let ratingKey = 1000 + between(random, 0, 500)
  for (let index = 0; index < itemCount; index++) {
    ratingKey += between(random, 1, 7) // Plex keys grow with gaps, as other items are added in between
    const title = makeTitle(random)
    // Skewed towards recent years, as real collections are.
    const year = 2024 - Math.floor(95 * random() ** 2)
    const addedAt = between(random, FIRST_ADDED_AT, LAST_ADDED_AT)
    const updatedAt = Math.min(LAST_ADDED_AT, addedAt + between(random, 0, 2 * 365 * 86_400))
    items.push({
      ratingKey: String(ratingKey),
      key: `/library/metadata/${ratingKey}`,
      type: 'movie',
      title,
      year,
      guid: makeGuid(random),
      addedAt,
      updatedAt,
      files: makeFiles(random, toFolderName(title, year)),
    })
  }
  return sortInListingOrder(items)
}

/**
 * Plex lists a section in title order, and the cache keeps that order (lower-cased title, then
 * ratingKey). Generating the dataset already in that order means the expected page at any offset
 * is simply a slice of the dataset, on both sides of the benchmark.
 */
function sortInListingOrder(items: CachedItem[]): CachedItem[] {
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
  return items
    .map((item) => ({ item, title: item.title.toLowerCase() }))
    .sort((a, b) => compare(a.title, b.title) || compare(a.item.ratingKey, b.item.ratingKey))
    .map(({ item }) => item)
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}

export interface FindTarget {
  fileName: string
  /** Every item with a file of that name (titles can repeat, so a name may match several). */
  expectedRatingKeys: string[]
}

/** File names of items spread evenly through the library, so no lookup gets a lucky early hit. */
export function pickFindTargets(items: readonly CachedItem[], count: number, seed = 7): FindTarget[] {
  const random = seededRandom(seed)
  const owners = new Map<string, string[]>()
  for (const item of items) {
    for (const file of item.files) {
      const name = baseName(file.path).toLowerCase()
      const keys = owners.get(name) ?? []
      if (!keys.includes(item.ratingKey)) keys.push(item.ratingKey)
      owners.set(name, keys)
    }
  }
  const targets: FindTarget[] = []
  for (let slot = 0; slot < count; slot++) {
    const item = items[Math.floor(((slot + 0.5) * items.length) / count)]
    if (!item) throw new Error('find target outside the library')
    const fileName = baseName(pick(random, item.files).path)
    targets.push({ fileName, expectedRatingKeys: owners.get(fileName.toLowerCase()) ?? [] })
  }
  return targets
}

/** Page offsets spread over the whole library (start, middle, end), visited in a mixed order. */
export function pickPageOffsets(itemCount: number, pageSize: number, count: number): number[] {
  const lastOffset = Math.max(0, itemCount - pageSize)
  const offsets = Array.from({ length: count }, (_, slot) =>
    Math.round((slot * lastOffset) / Math.max(1, count - 1)),
  )
  const random = seededRandom(11)
  for (let index = offsets.length - 1; index > 0; index--) {
    const swapWith = Math.floor(random() * (index + 1))
    const current = offsets[index] as number
    offsets[index] = offsets[swapWith] as number
    offsets[swapWith] = current
  }
  return offsets
}
