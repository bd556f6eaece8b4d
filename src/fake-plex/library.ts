import type { ItemKind, ItemRecord, PathStyle, SectionRecord } from './records'
import { SECTION_KINDS } from './records'
import { foldForMatch } from '../shared/text-fold'
import { sortItems, type SortSpec } from './sorting'

const LISTING_CACHE_ENTRIES = 32

/** What a listing asks for: one metadata type, or the section's default view. */
export type Selection = { kind: ItemKind } | { kind: 'default' }

/**
 * The in-memory library: compact records, indexes by section/kind and by parent, and cached
 * listings.
 */
export class Library {
  private readonly items = new Map<number, ItemRecord>()
  private readonly childrenByParent = new Map<number, ItemRecord[]>()
  private readonly byKind = new Map<string, ItemRecord[]>()
  private readonly listingCache = new Map<string, { version: number; items: ItemRecord[] }>()
  private nextRatingKey = 1001
  /** A library-wide change sequence, like Plex's contentChangedAt. */
  private changeSequence = 4700

  constructor(
    readonly sections: SectionRecord[],
    /** How generated file paths are spelled (given paths are served as they are). */
    readonly pathStyle: PathStyle = 'posix',
  ) {
    for (const section of sections) section.contentChangedAt = ++this.changeSequence
  }

  section(key: string): SectionRecord | undefined {
    return this.sections.find((section) => section.key === key)
  }

  item(ratingKey: number): ItemRecord | undefined {
    return this.items.get(ratingKey)
  }

  parentOf(item: ItemRecord): ItemRecord | undefined {
    return item.parentRatingKey === 0 ? undefined : this.items.get(item.parentRatingKey)
  }

  childrenOf(item: ItemRecord): readonly ItemRecord[] {
    return this.childrenByParent.get(item.ratingKey) ?? []
  }

  /** Playable descendants: episodes of a show or season, tracks of an artist or album. */
  leafCount(item: ItemRecord): number {
    const children = this.childrenOf(item)
    if (item.kind === 'season' || item.kind === 'album' || item.kind === 'photoalbum') return children.length
    return children.reduce((sum, child) => sum + this.leafCount(child), 0)
  }

  itemsOfKind(sectionKey: string, kind: ItemKind): readonly ItemRecord[] {
    return this.byKind.get(`${sectionKey}/${kind}`) ?? []
  }

  /** Undefined when the type does not fit the section: Plex answers that with an empty container. */
  select(section: SectionRecord, selection: Selection): readonly ItemRecord[] | undefined {
    if (selection.kind !== 'default') {
      return SECTION_KINDS[section.type].includes(selection.kind)
        ? this.itemsOfKind(section.key, selection.kind)
        : undefined
    }
    if (section.type !== 'photo') return this.itemsOfKind(section.key, SECTION_KINDS[section.type][0]!)
    // A photo section's default view is its top level: albums plus the photos and clips in no album.
    return [
      ...this.itemsOfKind(section.key, 'photoalbum').filter((item) => item.parentRatingKey === 0),
      ...this.itemsOfKind(section.key, 'photo').filter((item) => item.parentRatingKey === 0),
      ...this.itemsOfKind(section.key, 'clip').filter((item) => item.parentRatingKey === 0),
    ]
  }

  /**
   * The selection, sorted and optionally narrowed to titles containing `title` (case-insensitive).
   * Sorted orders are cached until the section changes, and the last few title filters too,
   * so paging through 100,000 items neither re-sorts nor re-filters on every page.
   */
  listing(
    section: SectionRecord,
    selection: Selection,
    sort: SortSpec,
    title?: string,
  ): readonly ItemRecord[] | undefined {
    const sortedKey = `${section.key}|${selection.kind}|${sort.key}`
    const sorted = this.cached(section, sortedKey, () => {
      const selected = this.select(section, selection)
      return selected && sortItems(selected, sort)
    })
    if (!sorted || title === undefined || title === '') return sorted
    // Plex's title filter ignores case and accents: "amelie" finds "Amélie".
    const needle = foldForMatch(title)
    return this.cached(section, `${sortedKey}|${needle}`, () =>
      sorted.filter((item) => foldForMatch(item.title).includes(needle)),
    )
  }

  private cached(
    section: SectionRecord,
    key: string,
    compute: () => ItemRecord[] | undefined,
  ): readonly ItemRecord[] | undefined {
    const hit = this.listingCache.get(key)
    if (hit && hit.version === section.version) return hit.items
    const items = compute()
    if (!items) return undefined
    this.listingCache.delete(key)
    this.listingCache.set(key, { version: section.version, items })
    // Map order is insertion order, so the first key is the least recently computed.
    if (this.listingCache.size > LISTING_CACHE_ENTRIES) {
      const oldest = this.listingCache.keys().next().value
      if (oldest !== undefined) this.listingCache.delete(oldest)
    }
    return items
  }

  /** A new, empty section, as when a user adds a library on the server. */
  addSection(section: SectionRecord): void {
    section.contentChangedAt = ++this.changeSequence
    this.sections.push(section)
  }

  insert(fields: Omit<ItemRecord, 'ratingKey'>): ItemRecord {
    const record: ItemRecord = { ratingKey: this.nextRatingKey++, ...fields }
    this.items.set(record.ratingKey, record)
    appendTo(this.byKind, `${record.sectionKey}/${record.kind}`, record)
    if (record.parentRatingKey !== 0) appendTo(this.childrenByParent, record.parentRatingKey, record)
    return record
  }

  /** Removes the item and everything under it. */
  delete(item: ItemRecord): void {
    for (const child of [...this.childrenOf(item)]) this.delete(child)
    this.items.delete(item.ratingKey)
    this.childrenByParent.delete(item.ratingKey)
    removeFrom(this.byKind, `${item.sectionKey}/${item.kind}`, item)
    if (item.parentRatingKey !== 0) removeFrom(this.childrenByParent, item.parentRatingKey, item)
  }

  /** Records a change to a section the way a Plex scan or edit shows up to clients. */
  touchSection(section: SectionRecord, now: number, scanned: boolean): void {
    section.version++
    section.updatedAt = Math.max(now, section.updatedAt + 1)
    if (scanned) section.scannedAt = Math.max(now, section.scannedAt + 1)
    section.contentChangedAt = ++this.changeSequence
  }
}

function appendTo<K>(map: Map<K, ItemRecord[]>, key: K, record: ItemRecord): void {
  const list = map.get(key)
  if (list) list.push(record)
  else map.set(key, [record])
}

function removeFrom<K>(map: Map<K, ItemRecord[]>, key: K, record: ItemRecord): void {
  const list = map.get(key)
  const position = list?.indexOf(record) ?? -1
  if (list && position >= 0) list.splice(position, 1)
}
