import type { SectionRecord, SectionType } from './records'

/** When the fake's library was created and when its dataset was last scanned (epoch seconds). */
export const LIBRARY_CREATED_AT = 1_690_000_000
export const DATASET_TIME = 1_700_000_000

interface SectionSeed {
  key: string
  type: SectionType
  title: string
  agent: string
  scanner: string
  locationPath: string
}

// The modern agent/scanner pairs, one per section type (plex-api-facts §3).
const SECTION_SEEDS: readonly SectionSeed[] = [
  {
    key: '1',
    type: 'movie',
    title: 'Movies',
    agent: 'tv.plex.agents.movie',
    scanner: 'Plex Movie',
    locationPath: '/data/Movies',
  },
  {
    key: '2',
    type: 'show',
    title: 'TV Shows',
    agent: 'tv.plex.agents.series',
    scanner: 'Plex TV Series',
    locationPath: '/data/TV',
  },
  {
    key: '3',
    type: 'artist',
    title: 'Music',
    agent: 'tv.plex.agents.music',
    scanner: 'Plex Music',
    locationPath: '/data/Music',
  },
  {
    key: '4',
    type: 'photo',
    title: 'Photos',
    agent: 'com.plexapp.agents.none',
    scanner: 'Plex Photo Scanner',
    locationPath: '/data/Photos',
  },
]

/**
 * A section added later (a test's control): agent, scanner and folder as the seed section of its
 * type has them. Any key and title are taken as given, so tests can serve odd or hostile ones.
 */
export function newSection(key: string, type: SectionType, title: string, now: number): SectionRecord {
  const seed = SECTION_SEEDS.find((candidate) => candidate.type === type) ?? SECTION_SEEDS[0]!
  return {
    ...seed,
    key,
    title,
    language: type === 'photo' ? 'xn' : 'en-US',
    uuid: `00000000-0000-4000-8000-${String(now % 1e12).padStart(12, '0')}`,
    createdAt: now,
    updatedAt: now,
    scannedAt: now,
    contentChangedAt: 0,
    version: 0,
  }
}

export function seedSections(): SectionRecord[] {
  return SECTION_SEEDS.map((seed, position) => ({
    ...seed,
    language: seed.type === 'photo' ? 'xn' : 'en-US',
    uuid: `00000000-0000-4000-8000-00000000000${seed.key}`,
    createdAt: LIBRARY_CREATED_AT,
    updatedAt: DATASET_TIME + 100 + position,
    scannedAt: DATASET_TIME + 100 + position,
    contentChangedAt: 0,
    version: 0,
  }))
}
