import { hash32 } from './random'
import type { Library } from './library'
import { isPlayable, partPaths } from './media'
import type { ItemKind, ItemRecord, SectionRecord, SectionType } from './records'
import { newSection } from './sections'
import { SECTION_KINDS } from './records'

/** Library edits the controls expose, each showing up to clients the way a scan or edit would. */

export interface NewItemFields {
  title?: string
  year?: number
  filePath?: string
}

export function nowInSeconds(): number {
  return Math.floor(Date.now() / 1000)
}

function requireSection(library: Library, key: string): SectionRecord {
  const section = library.section(key)
  if (!section) throw new RangeError(`unknown section ${key}`)
  return section
}

function requireItem(library: Library, ratingKey: string): ItemRecord {
  const item = /^\d+$/.test(ratingKey) ? library.item(Number(ratingKey)) : undefined
  if (!item) throw new RangeError(`unknown ratingKey ${ratingKey}`)
  return item
}

/**
 * Adds one item of the section's main type. A show gets one season with one episode and an artist
 * one album with one track, so the new entry has a file like everything else; `filePath` is that file.
 */
export function addItem(library: Library, sectionKey: string, fields: NewItemFields, now: number): string {
  const section = requireSection(library, sectionKey)
  const mainKind =
    SECTION_KINDS[section.type][0] === 'photoalbum' ? 'photo' : (SECTION_KINDS[section.type][0] ?? 'movie')
  const year = fields.year ?? new Date(now * 1000).getUTCFullYear()
  const title = fields.title ?? `New ${mainKind} ${library.itemsOfKind(section.key, mainKind).length + 1}`
  const filePaths = fields.filePath === undefined ? undefined : [fields.filePath]
  const make = (kind: ItemKind, itemTitle: string, parent?: ItemRecord, leaf = false): ItemRecord =>
    library.insert({
      kind,
      sectionKey: section.key,
      title: itemTitle,
      year: kind === 'artist' ? 0 : year,
      addedAt: now,
      updatedAt: now,
      index: parent ? 1 : 0,
      parentRatingKey: parent?.ratingKey ?? 0,
      variant: hash32(now, library.itemsOfKind(section.key, kind).length),
      layout: 'single',
      ...(leaf && filePaths && { filePaths }),
    })
  const top = make(mainKind, title, undefined, mainKind === 'movie' || mainKind === 'photo')
  if (mainKind === 'show') make('episode', 'Pilot', make('season', 'Season 1', top), true)
  if (mainKind === 'artist') make('track', 'First Song', make('album', 'Debut', top), true)
  library.touchSection(section, now, true)
  return String(top.ratingKey)
}

export interface NewSectionFields {
  key: string
  /** Default 'movie'. */
  type?: SectionType
  /** Default 'Library {key}'. */
  title?: string
}

export function addSection(library: Library, fields: NewSectionFields, now: number): void {
  if (fields.key === '' || library.section(fields.key))
    throw new RangeError(`section key ${fields.key} is taken or empty`)
  library.addSection(
    newSection(fields.key, fields.type ?? 'movie', fields.title ?? `Library ${fields.key}`, now),
  )
}

/** A library deleted on the server: gone from the section list, and every route under it answers 404. */
export function removeSection(library: Library, key: string): void {
  const index = library.sections.findIndex((section) => section.key === key)
  if (index < 0) throw new RangeError(`no section ${key}`)
  library.sections.splice(index, 1)
}

export function removeItem(library: Library, ratingKey: string, now: number): void {
  const item = requireItem(library, ratingKey)
  library.delete(item)
  library.touchSection(requireSection(library, item.sectionKey), now, true)
}

/** A metadata edit: the title changes, the files on disk do not. */
export function renameItem(library: Library, ratingKey: string, title: string, now: number): void {
  const item = requireItem(library, ratingKey)
  pinFilePaths(library, item)
  item.title = title
  item.updatedAt = Math.max(now, item.updatedAt + 1)
  library.touchSection(requireSection(library, item.sectionKey), now, false)
}

/** Paths normally follow from titles; freeze them for this item and everything under it. */
function pinFilePaths(library: Library, item: ItemRecord): void {
  for (const child of library.childrenOf(item)) pinFilePaths(library, child)
  if (isPlayable(item) && !item.filePaths) item.filePaths = partPaths(item, library)
}
