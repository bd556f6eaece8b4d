import type { CachedFile, CachedItem } from '../cache/types'
import { asArray, asObject, toBoolean, toNumber, toText, type JsonObject } from './coerce'
import type { Section } from './types'

/**
 * Reduces a Plex JSON item to what the cache keeps. Returns null for an item without `key` or
 * `ratingKey`: the cache identifies items by them, and a keyless entry could never be looked up.
 */
export function extractItem(raw: unknown): CachedItem | null {
  const item = asObject(raw)
  if (!item) return null
  const ratingKey = toText(item.ratingKey)
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
    year: toNumber(item.year),
    guid: toText(item.guid),
    addedAt: toNumber(item.addedAt),
    updatedAt: toNumber(item.updatedAt),
    parentTitle: toText(item.parentTitle),
    grandparentTitle: toText(item.grandparentTitle),
    index: toNumber(item.index),
    parentIndex: toNumber(item.parentIndex),
  })
  return extracted
}

/** Every Part of every Media: a movie may have several versions, and a version may be split into parts. */
function extractFiles(item: JsonObject): CachedFile[] {
  const files: CachedFile[] = []
  for (const media of asArray(item.Media)) {
    for (const rawPart of asArray(asObject(media)?.Part)) {
      const part = asObject(rawPart)
      const path = toText(part?.file)
      if (!part || !path) continue
      const size = toNumber(part.size)
      files.push(size === undefined ? { path } : { path, size })
    }
  }
  return files
}

export function extractSection(raw: unknown): Section | null {
  const directory = asObject(raw)
  const key = toText(directory?.key)
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

/** Leaves absent fields out entirely, so stored JSON stays small and `toEqual` comparisons stay exact. */
function assignDefined<T extends object>(target: T, fields: Partial<T>): void {
  for (const [name, value] of Object.entries(fields)) {
    if (value !== undefined) (target as Record<string, unknown>)[name] = value
  }
}
