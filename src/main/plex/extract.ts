import type { CachedFile, CachedItem } from '../../shared/plex-data'
import { asArray, asObject, toBoolean, toNumber, toText, type JsonObject } from './coerce'
import { PlexProtocolError } from './errors'
import { extractExternalIds } from './external-ids'
import type { Section } from './types'

/**
 * Reduces a Plex JSON item to what the cache keeps. Returns null for an item without `key` or
 * `ratingKey`: the cache identifies items by them, and a keyless entry could never be looked up.
 */
export function extractItem(raw: unknown): CachedItem | null {
  const item = asObject(raw)
  if (!item) return null
  const ratingKey = identifier(item.ratingKey, 'an item ratingKey')
  const key = toText(item.key)
  if (!ratingKey || !key) return null
  const extracted: CachedItem = {
    ratingKey,
    key,
    type: toText(item.type) ?? '',
    title: toText(item.title) ?? '',
    files: extractFiles(item),
  }
  assignDefined(extracted, {
    titleSort: distinctSortTitle(toText(item.titleSort), extracted.title),
    year: toNumber(item.year),
    guid: toText(item.guid),
    externalIds: extractExternalIds(item.Guid),
    addedAt: toNumber(item.addedAt),
    updatedAt: toNumber(item.updatedAt),
    parentTitle: toText(item.parentTitle),
    grandparentTitle: toText(item.grandparentTitle),
    index: toNumber(item.index),
    parentIndex: toNumber(item.parentIndex),
  })
  return extracted
}

/**
 * Every Part of every Media: a movie may have several versions, and a version may be split into
 * parts. A Media may have no Part at all (seen in real answers); it simply adds no file.
 */
function extractFiles(item: JsonObject): CachedFile[] {
  const files: CachedFile[] = []
  for (const rawMedia of asArray(item.Media)) {
    const media = asObject(rawMedia)
    const optimizedMedia = toNumber(media?.proxyType) === OPTIMIZED_VERSION_PROXY_TYPE
    for (const rawPart of asArray(media?.Part)) {
      const part = asObject(rawPart)
      const path = toText(part?.file)
      if (!part || !path) continue
      const file: CachedFile = { path }
      const size = toNumber(part.size)
      if (size !== undefined) file.size = size
      if (optimizedMedia || inPlexVersionsFolder(path)) file.optimized = true
      files.push(file)
    }
  }
  return files
}

/** The Media proxyType of an "Optimize" copy (python-plexapi's isOptimizedVersion). */
const OPTIMIZED_VERSION_PROXY_TYPE = 42

/**
 * Plex writes every optimized copy into a "Plex Versions" folder beside the originals. The folder
 * also marks one whose Media came without proxyType; either sign is enough.
 */
function inPlexVersionsFolder(path: string): boolean {
  return /(^|[\\/])Plex Versions[\\/]/i.test(path)
}

export function extractSection(raw: unknown): Section | null {
  const directory = asObject(raw)
  const key = identifier(directory?.key, 'a section key')
  if (!directory || !key) return null
  const section: Section = {
    key,
    title: toText(directory.title) ?? '',
    type: toText(directory.type) ?? '',
    hidden: toBoolean(directory.hidden) ?? false,
    refreshing: toBoolean(directory.refreshing) ?? false,
    locations: asArray(directory.Location).flatMap((location) => {
      const path = toText(asObject(location)?.path)
      return path ? [path] : []
    }),
  }
  assignDefined(section, {
    agent: toText(directory.agent),
    scanner: toText(directory.scanner),
    language: toText(directory.language),
    uuid: toText(directory.uuid),
    updatedAt: toNumber(directory.updatedAt),
    createdAt: toNumber(directory.createdAt),
    scannedAt: toNumber(directory.scannedAt),
    contentChangedAt: toNumber(directory.contentChangedAt),
  })
  return section
}

/**
 * Section keys and ratingKeys, which the cache stores and looks things up by, are a few digits in
 * every Plex answer. One far longer is not a Plex answer; let through, it would reach the cache as
 * a key it refuses, which reads as the user's mistake (a usage error). The value stays out of the
 * message: it may be huge or hostile. An item's `key`, a path, is not checked.
 */
const MAX_IDENTIFIER_LENGTH = 255

function identifier(value: unknown, what: string): string | undefined {
  const text = toText(value)
  if (text !== undefined && text.length > MAX_IDENTIFIER_LENGTH) {
    throw new PlexProtocolError(
      `The Plex server sent ${what} of ${text.length} characters (at most ${MAX_IDENTIFIER_LENGTH} expected); its answer cannot be used.`,
    )
  }
  return text
}

/** Most sort titles equal the title; storing those again would only grow every listing. */
function distinctSortTitle(titleSort: string | undefined, title: string): string | undefined {
  return titleSort === undefined || titleSort === '' || titleSort === title ? undefined : titleSort
}

/** Leaves absent fields out entirely, so stored JSON stays small and `toEqual` comparisons stay exact. */
function assignDefined<T extends object>(target: T, fields: Partial<T>): void {
  for (const [name, value] of Object.entries(fields)) {
    if (value !== undefined) (target as Record<string, unknown>)[name] = value
  }
}
