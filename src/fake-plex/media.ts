import { durationOf } from './details'
import { element, type Element } from './element'
import type { Library } from './library'
import { hash32, scaled } from './random'
import type { ItemRecord } from './records'

/** Media and Part children, and the absolute file paths behind them. */

function pad2(n: number): string {
  return String(n).padStart(2, '0')
}

/** Titles become folder and file names; a slash would split them. */
function safeName(title: string): string {
  return title.replace(/[/\\]/g, '-')
}

/** One path per Part, in Media order (an optimized copy's last, whichever way its Media are listed). */
export function partPaths(item: ItemRecord, library: Library): string[] {
  if (item.filePaths) return item.filePaths
  const paths = generatedPaths(item, library)
  return library.pathStyle === 'windows' ? paths.map(windowsPath) : paths
}

/** Where a Windows server would keep the same file: `/data/Movies/x.mkv` becomes `D:\Movies\x.mkv`. */
function windowsPath(posixPath: string): string {
  return posixPath.replace(/^\/data\//, 'D:/').replaceAll('/', '\\')
}

function generatedPaths(item: ItemRecord, library: Library): string[] {
  const parent = library.parentOf(item)
  const grandparent = parent ? library.parentOf(parent) : undefined
  switch (item.kind) {
    case 'movie': {
      const name = `${safeName(item.title)} (${item.year})`
      const folder = `/data/Movies/${name}`
      const base = `${folder}/${name}`
      if (item.layout === 'multipart') return [`${base} - pt1.mkv`, `${base} - pt2.mkv`]
      if (item.layout === 'multiversion') return [`${base}.mkv`, `${base} - 2160p.mkv`]
      // Plex names an optimized copy after the item, so with an mp4 original both share a file name.
      if (item.layout === 'optimized') return [`${base}.mp4`, optimizedCopyPath(folder, name)]
      return [`${base}.mkv`]
    }
    case 'episode': {
      const show = safeName(grandparent?.title ?? 'Unknown Show')
      const season = parent?.index ?? 0
      const code = `s${pad2(season)}e${pad2(item.index)}`
      return [`/data/TV/${show}/Season ${pad2(season)}/${show} - ${code} - ${safeName(item.title)}.mkv`]
    }
    case 'track': {
      const artist = safeName(grandparent?.title ?? 'Unknown Artist')
      const album = safeName(parent?.title ?? 'Unknown Album')
      return [`/data/Music/${artist}/${album}/${pad2(item.index)} - ${safeName(item.title)}.flac`]
    }
    case 'photo':
    case 'clip': {
      const folder = parent ? `/data/Photos/${safeName(parent.title)}` : '/data/Photos'
      return [`${folder}/${safeName(item.title)}.${item.kind === 'clip' ? 'mp4' : 'jpg'}`]
    }
    default:
      return []
  }
}

/** Where Plex's "Optimize for TV" writes its copy: a "Plex Versions" folder beside the original. */
export function optimizedCopyPath(folder: string, name: string): string {
  return `${folder}/Plex Versions/${OPTIMIZED_TARGET}/${name}.mp4`
}

const OPTIMIZED_TARGET = 'Optimized for TV'

const COPY_FIRST_SALT = 200

/** python-plexapi's isOptimizedVersion: a Media whose proxyType is 42. */
const OPTIMIZED_PROXY_TYPE = 42

const PLAYABLE = new Set<ItemRecord['kind']>(['movie', 'episode', 'track', 'photo', 'clip'])

export function isPlayable(item: ItemRecord): boolean {
  return PLAYABLE.has(item.kind)
}

// Media and Part ids come from the ratingKey so that they are unique without being stored.
function mediaId(item: ItemRecord, media: number): number {
  return item.ratingKey * 2 + media
}

function partId(item: ItemRecord, part: number): number {
  return item.ratingKey * 4 + part
}

/** The container Plex reports for a file, from its extension. */
function containerOf(path: string): string {
  const extension = (/\.([^./\\]+)$/.exec(path)?.[1] ?? 'mkv').toLowerCase()
  return extension === 'jpg' ? 'jpeg' : extension
}

function sizeOf(item: ItemRecord, part: number, min: number, max: number): number {
  return scaled(hash32(item.variant, 100 + part), min, max)
}

const MB = 1024 * 1024

export function mediaElements(item: ItemRecord, library: Library): Element[] {
  if (!isPlayable(item)) return []
  const paths = partPaths(item, library)
  const duration = durationOf(item)
  const part = (index: number, path: string, partDuration: number | undefined, size: number): Element => {
    const container = containerOf(path)
    const extension = /\.([^./\\]+)$/.exec(path)?.[1] ?? container
    return element('Part', {
      id: partId(item, index),
      key: `/library/parts/${partId(item, index)}/${item.addedAt}/file.${extension}`,
      duration: partDuration,
      file: path,
      size,
      container,
    })
  }
  if (item.kind === 'track') {
    const path = paths[0] ?? ''
    const attrs = { id: mediaId(item, 0), duration, bitrate: 1000, audioChannels: 2, audioCodec: 'flac' }
    return [
      element('Media', { ...attrs, container: 'flac' }, [
        part(0, path, duration, sizeOf(item, 0, 10 * MB, 60 * MB)),
      ]),
    ]
  }
  if (item.kind === 'photo') {
    const path = paths[0] ?? ''
    const attrs = { id: mediaId(item, 0), width: 4032, height: 3024, aspectRatio: 1.33, container: 'jpeg' }
    return [element('Media', attrs, [part(0, path, undefined, sizeOf(item, 0, 1 * MB, 8 * MB))])]
  }
  const [lowest, highest] = item.kind === 'movie' ? [700 * MB, 8192 * MB] : [200 * MB, 2048 * MB]
  if (item.kind === 'clip') {
    const path = paths[0] ?? ''
    const attrs = { ...videoMedia(item, 0, duration, false), container: 'mp4' }
    return [element('Media', attrs, [part(0, path, duration, sizeOf(item, 0, 5 * MB, 400 * MB))])]
  }
  if (item.layout === 'multipart' && paths.length > 1) {
    const half = duration === undefined ? undefined : Math.round(duration / 2)
    const parts = paths.map((path, index) =>
      part(index, path, half, sizeOf(item, index, lowest / 2, highest / 2)),
    )
    return [element('Media', videoMedia(item, 0, duration, false), parts)]
  }
  if (item.layout === 'optimized' && paths.length > 1) {
    const [original = '', copy = ''] = paths
    const optimizedAttrs = {
      ...videoMedia(item, 1, duration, false),
      container: 'mp4',
      proxyType: OPTIMIZED_PROXY_TYPE,
      target: OPTIMIZED_TARGET,
      title: OPTIMIZED_TARGET,
    }
    const media = [
      element('Media', { ...videoMedia(item, 0, duration, false), container: 'mp4' }, [
        part(0, original, duration, sizeOf(item, 0, lowest, highest)),
      ]),
      element('Media', optimizedAttrs, [part(1, copy, duration, sizeOf(item, 1, lowest / 4, highest / 4))]),
    ]
    // Plex promises no order of an item's Media; about half the copies come first, so clients cannot rely on it.
    return hash32(item.variant, COPY_FIRST_SALT) % 2 === 0 ? media : media.reverse()
  }
  const versions = paths.map((path, index) => {
    const uhd = index > 0
    const size = uhd
      ? sizeOf(item, index, 15 * 1024 * MB, 40 * 1024 * MB)
      : sizeOf(item, index, lowest, highest)
    return element('Media', videoMedia(item, index, duration, uhd), [part(index, path, duration, size)])
  })
  // A Media the server lists before (or without) knowing its file: no Part at all.
  if (item.layout === 'partlessMedia') versions.push(element('Media', videoMedia(item, 1, duration, false)))
  return versions
}

function videoMedia(
  item: ItemRecord,
  index: number,
  duration: number | undefined,
  uhd: boolean,
): Element['attrs'] {
  return {
    id: mediaId(item, index),
    duration,
    bitrate: uhd ? 24000 : 4000,
    width: uhd ? 3840 : 1920,
    height: uhd ? 2160 : 1080,
    aspectRatio: 1.78,
    audioChannels: uhd ? 6 : 2,
    audioCodec: uhd ? 'eac3' : 'aac',
    videoCodec: uhd ? 'hevc' : 'h264',
    videoResolution: uhd ? '4k' : '1080',
    container: 'mkv',
    videoFrameRate: '24p',
    videoProfile: uhd ? 'main 10' : 'high',
  }
}
