import { Library } from './library'
import type { FakePlexDatasetOptions } from './options'
import { createRandom, type Random } from './random'
import type { ItemRecord, MediaLayout, PathStyle } from './records'
import { DATASET_TIME, LIBRARY_CREATED_AT, seedSections } from './sections'
import { ADJECTIVES, FIXED_ARTISTS, FIXED_MOVIES, FIXED_SHOWS, NOUNS, PHOTO_ALBUMS } from './vocabulary'

type DatasetCounts = Required<Omit<FakePlexDatasetOptions, 'pathStyle'>>

export const DATASET_DEFAULTS: DatasetCounts = {
  seed: 1,
  movies: 250,
  shows: 5,
  seasonsPerShow: 2,
  episodesPerSeason: 6,
  artists: 3,
  albumsPerArtist: 2,
  tracksPerAlbum: 8,
  photos: 12,
  clips: 2,
}

const DAY = 86_400

/**
 * Every tenth movie from the 4th is split in two files, from the 8th has two versions, and from
 * the 10th has an optimized copy; every twentieth from the 12th also lists a Media without a Part.
 */
function movieLayout(ordinal: number): MediaLayout {
  if (ordinal % 10 === 3) return 'multipart'
  if (ordinal % 10 === 7) return 'multiversion'
  if (ordinal % 10 === 9) return 'optimized'
  if (ordinal % 20 === 11) return 'partlessMedia'
  return 'single'
}

/** Builds the whole library from the seed; the same options always give the same ratingKeys and titles. */
export function generateLibrary(options: FakePlexDatasetOptions = {}): Library {
  const counts = resolveCounts(options)
  const pathStyle = resolvePathStyle(options.pathStyle)
  const sections = seedSections().map((section) =>
    pathStyle === 'windows'
      ? { ...section, locationPath: section.locationPath.replace(/^\/data\//, 'D:\\') }
      : section,
  )
  const library = new Library(sections, pathStyle)
  const random = createRandom(counts.seed)
  const build = new Builder(library, random)
  build.movies(counts.movies)
  build.shows(counts.shows, counts.seasonsPerShow, counts.episodesPerSeason)
  build.music(counts.artists, counts.albumsPerArtist, counts.tracksPerAlbum)
  build.photos(counts.photos)
  // Last, so that adding clips leaves every earlier item's random details as they were. By default
  // only a library with albums gets clips, so "no photos" (benches, small tests) stays empty.
  const hasAlbums = library.itemsOfKind('4', 'photoalbum').length > 0
  build.clips(options.clips ?? (hasAlbums ? counts.clips : 0))
  return library
}

function resolvePathStyle(style: PathStyle | undefined): PathStyle {
  if (style === undefined || style === 'posix' || style === 'windows') return style ?? 'posix'
  throw new RangeError(`dataset.pathStyle must be 'posix' or 'windows', got ${String(style)}`)
}

function resolveCounts(options: FakePlexDatasetOptions): DatasetCounts {
  const { pathStyle: _pathStyle, ...numbers } = options
  const counts = { ...DATASET_DEFAULTS, ...stripUndefined(numbers) }
  for (const [name, value] of Object.entries(counts)) {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new RangeError(`dataset.${name} must be a non-negative integer, got ${value}`)
    }
  }
  return counts
}

function stripUndefined<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as Partial<T>
}

/** Makes titles unique within one namespace the way a real library's folders are: by numbering repeats. */
class UniqueTitles {
  private readonly seen = new Map<string, number>()

  claim(title: string): string {
    const count = (this.seen.get(title) ?? 0) + 1
    this.seen.set(title, count)
    return count === 1 ? title : `${title} ${count}`
  }
}

class Builder {
  constructor(
    private readonly library: Library,
    private readonly random: Random,
  ) {}

  movies(count: number): void {
    const titles = new UniqueTitles()
    for (let ordinal = 0; ordinal < count; ordinal++) {
      const fixed = FIXED_MOVIES[ordinal]
      const title = titles.claim(fixed ? fixed[0] : this.movieTitle())
      const year = fixed ? fixed[1] : this.random.int(1950, 2023)
      const layout = movieLayout(ordinal)
      this.add({ kind: 'movie', sectionKey: '1', title, year, layout, addedAt: this.addedAt() })
    }
  }

  shows(count: number, seasons: number, episodes: number): void {
    const titles = new UniqueTitles()
    for (let ordinal = 0; ordinal < count; ordinal++) {
      const title = titles.claim(FIXED_SHOWS[ordinal] ?? `The ${this.adjective()} ${this.noun()}`)
      const year = this.random.int(1990, 2020)
      const show = this.add({ kind: 'show', sectionKey: '2', title, year, addedAt: this.addedAt() })
      for (let s = 1; s <= seasons; s++) {
        const season = this.child(show, 'season', `Season ${s}`, s, year + s - 1)
        for (let e = 1; e <= episodes; e++) {
          this.child(season, 'episode', `${this.adjective()} ${this.noun()}`, e, year + s - 1)
        }
      }
    }
  }

  music(artists: number, albums: number, tracks: number): void {
    const titles = new UniqueTitles()
    for (let ordinal = 0; ordinal < artists; ordinal++) {
      const title = titles.claim(FIXED_ARTISTS[ordinal] ?? `${this.adjective()} ${this.noun()}s`)
      const artist = this.add({ kind: 'artist', sectionKey: '3', title, year: 0, addedAt: this.addedAt() })
      for (let a = 1; a <= albums; a++) {
        const album = this.child(
          artist,
          'album',
          `${this.adjective()} ${this.noun()}`,
          a,
          this.random.int(1965, 2023),
        )
        for (let t = 1; t <= tracks; t++)
          this.child(album, 'track', `${this.noun()} ${this.adjective()}`, t, album.year)
      }
    }
  }

  photos(count: number): void {
    const albumCount = count >= 3 ? Math.max(1, Math.round(count / 6)) : 0
    const inAlbums = Math.floor((count * 2) / 3)
    const albums: ItemRecord[] = []
    for (let a = 0; a < albumCount; a++) {
      const title = PHOTO_ALBUMS[a] ?? `Album ${a + 1}`
      albums.push(this.add({ kind: 'photoalbum', sectionKey: '4', title, year: 0, addedAt: this.addedAt() }))
    }
    for (let p = 0; p < count; p++) {
      const album = p < inAlbums ? albums[p % albumCount] : undefined
      const title = `IMG_${String(p + 1).padStart(4, '0')}`
      const year = this.random.int(2015, 2023)
      if (album) this.child(album, 'photo', title, 0, year)
      else this.add({ kind: 'photo', sectionKey: '4', title, year, addedAt: this.addedAt() })
    }
  }

  /** Videos in photo albums, one album after another (loose in the section when it has no albums). */
  clips(count: number): void {
    const albums = this.library.itemsOfKind('4', 'photoalbum')
    for (let c = 0; c < count; c++) {
      const album = albums.length > 0 ? albums[c % albums.length] : undefined
      const title = `VID_${String(c + 1).padStart(4, '0')}`
      const year = this.random.int(2015, 2023)
      if (album) this.child(album, 'clip', title, 0, year)
      else this.add({ kind: 'clip', sectionKey: '4', title, year, addedAt: this.addedAt() })
    }
  }

  private child(
    parent: ItemRecord,
    kind: ItemRecord['kind'],
    title: string,
    index: number,
    year: number,
  ): ItemRecord {
    const addedAt = Math.min(DATASET_TIME, parent.addedAt + this.random.int(0, 30 * DAY))
    return this.add({
      kind,
      sectionKey: parent.sectionKey,
      title,
      year,
      index,
      parentRatingKey: parent.ratingKey,
      addedAt,
    })
  }

  private add(
    fields: Pick<ItemRecord, 'kind' | 'sectionKey' | 'title' | 'year' | 'addedAt'> & Partial<ItemRecord>,
  ): ItemRecord {
    const updatedAt = Math.min(DATASET_TIME, fields.addedAt + this.random.int(0, 60 * DAY))
    return this.library.insert({
      index: 0,
      parentRatingKey: 0,
      layout: 'single',
      variant: this.random.uint32(),
      updatedAt,
      ...fields,
    })
  }

  private addedAt(): number {
    return this.random.int(LIBRARY_CREATED_AT, DATASET_TIME - 90 * DAY)
  }

  private movieTitle(): string {
    switch (this.random.int(0, 3)) {
      case 0:
        return `The ${this.adjective()} ${this.noun()}`
      case 1:
        return `${this.noun()} of the ${this.noun()}`
      case 2:
        return `${this.adjective()} ${this.noun()}`
      default:
        return `A ${this.noun()} in ${this.noun()}`
    }
  }

  private adjective(): string {
    return this.random.pick(ADJECTIVES)
  }

  private noun(): string {
    return this.random.pick(NOUNS)
  }
}
