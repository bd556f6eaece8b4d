import type { CachedItem, CachedFile } from '../cache'
import { escapeAttribute } from '../../shared/plex-element'
import type { ChildFormat } from './streamed-container'

const XML_TAGS: Record<string, string> = {
  movie: 'Video',
  episode: 'Video',
  clip: 'Video',
  track: 'Track',
  photo: 'Photo',
}

const EXTERNAL_ID_SCHEMES = ['imdb', 'tmdb', 'tvdb'] as const

type ItemValue = string | number | undefined

/**
 * A listing item's attributes in the order Plex sends them, with only the fields the cache keeps:
 * python-plexapi treats listing items as partial and reloads a missing attribute from
 * /library/metadata/{ratingKey}, which the proxy passes through.
 */
const ITEM_ATTRIBUTES: readonly (readonly [string, (item: CachedItem) => ItemValue])[] = [
  ['ratingKey', (item) => item.ratingKey],
  ['key', (item) => item.key],
  ['parentTitle', (item) => item.parentTitle],
  ['grandparentTitle', (item) => item.grandparentTitle],
  ['guid', (item) => item.guid],
  ['type', (item) => item.type],
  ['title', (item) => item.title],
  // The cache keeps titleSort only when it differs from the title, which is what Plex sends otherwise.
  ['titleSort', (item) => item.titleSort ?? item.title],
  ['index', (item) => item.index],
  ['parentIndex', (item) => item.parentIndex],
  ['year', (item) => item.year],
  ['addedAt', (item) => item.addedAt],
  ['updatedAt', (item) => item.updatedAt],
]

/**
 * Cached items as Plex lists them, in XML or JSON. Each file becomes a Media with one Part
 * carrying `file` and `size`; with includeGuids, the external ids follow as Guid children.
 * Written straight from the item rather than through an element tree: a listing renders tens of
 * thousands of these, and this is about twice as fast.
 */
export function itemFormat(includeGuids: boolean): ChildFormat<CachedItem> {
  return {
    jsonKey: 'Metadata',
    xml: (item) => itemXml(item, includeGuids),
    json: (item) => JSON.stringify(itemJson(item, includeGuids)),
  }
}

function itemXml(item: CachedItem, includeGuids: boolean): string {
  const tag = XML_TAGS[item.type] ?? 'Video'
  let out = `<${tag}`
  for (const [name, valueOf] of ITEM_ATTRIBUTES) out += xmlAttribute(name, valueOf(item))
  const guids = includeGuids ? externalGuids(item) : []
  if (item.files.length === 0 && guids.length === 0) return `${out}/>\n`
  out += '>\n'
  for (const file of item.files) {
    out += `${file.optimized ? '<Media proxyType="42">' : '<Media>'}\n<Part${xmlAttribute('file', file.path)}${xmlAttribute('size', file.size)}/>\n</Media>\n`
  }
  for (const id of guids) out += `<Guid id="${escapeAttribute(id)}"/>\n`
  return `${out}</${tag}>\n`
}

/** The item as Plex's JSON lists it: the same attributes, then Media and Guid arrays. */
function itemJson(item: CachedItem, includeGuids: boolean): Record<string, unknown> {
  const object: Record<string, unknown> = {}
  for (const [name, valueOf] of ITEM_ATTRIBUTES) object[name] = valueOf(item)
  if (item.files.length > 0) object.Media = item.files.map(mediaJson)
  const guids = includeGuids ? externalGuids(item) : []
  if (guids.length > 0) object.Guid = guids.map((id) => ({ id }))
  return object
}

function mediaJson(file: CachedFile): Record<string, unknown> {
  const part = file.size === undefined ? { file: file.path } : { file: file.path, size: file.size }
  return { ...(file.optimized && { proxyType: 42 }), Part: [part] }
}

function externalGuids(item: CachedItem): string[] {
  const ids = item.externalIds
  if (!ids) return []
  return EXTERNAL_ID_SCHEMES.flatMap((scheme) =>
    ids[scheme] === undefined ? [] : [`${scheme}://${ids[scheme]}`],
  )
}

function xmlAttribute(name: string, value: ItemValue): string {
  if (value === undefined) return ''
  return typeof value === 'number' ? ` ${name}="${value}"` : ` ${name}="${escapeAttribute(value)}"`
}
