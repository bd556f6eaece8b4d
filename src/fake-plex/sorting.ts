import { durationOf, ratingOf, releaseDateOf, titleSortOf } from './details'
import { naturalSortKey } from '../shared/text-fold'
import { badRequest } from './http-error'
import type { ItemRecord } from './records'

type SortKey = string | number

/**
 * Titles sort accent- and case-blind with natural numbers, so "Øresund" sorts near "Orchard" and
 * "Part 2" before "Part 10": the key the cache orders its listings by [fake: the real server's
 * collation is not documented].
 */
const SORT_FIELDS: Record<string, (item: ItemRecord) => SortKey> = {
  titleSort: (item) => naturalSortKey(titleSortOf(item.title)),
  title: (item) => naturalSortKey(item.title),
  addedAt: (item) => item.addedAt,
  updatedAt: (item) => item.updatedAt,
  year: (item) => item.year,
  originallyAvailableAt: (item) => releaseDateOf(item),
  rating: (item) => ratingOf(item),
  duration: (item) => durationOf(item) ?? 0,
  index: (item) => item.index,
}

export interface SortSpec {
  fields: { name: string; descending: boolean }[]
  /** Canonical text, used as a cache key. */
  key: string
}

const DEFAULT_SORT = 'titleSort'

/** `sort=titleSort`, `sort=addedAt:desc`, or a comma list; an unknown field is a 400 [fake]. */
export function parseSort(raw: string | undefined): SortSpec {
  const text = raw === undefined || raw.trim() === '' ? DEFAULT_SORT : raw
  const fields = text.split(',').map((part) => {
    const [name = '', direction = 'asc'] = part.trim().split(':')
    if (!(name in SORT_FIELDS)) throw badRequest(`unknown sort field ${name}`)
    if (direction !== 'asc' && direction !== 'desc') throw badRequest(`unknown sort direction ${direction}`)
    return { name, descending: direction === 'desc' }
  })
  return { fields, key: fields.map((f) => `${f.name}:${f.descending ? 'desc' : 'asc'}`).join(',') }
}

function compareKeys(a: SortKey, b: SortKey): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b
  return a < b ? -1 : a > b ? 1 : 0
}

/** Returns a new sorted array; ties fall back to ratingKey so every order is deterministic. */
export function sortItems(items: readonly ItemRecord[], spec: SortSpec): ItemRecord[] {
  // Keys are computed once per item rather than once per comparison: sections can hold 100,000 items.
  const columns = spec.fields.map((field) => {
    const read = SORT_FIELDS[field.name] ?? SORT_FIELDS.titleSort!
    return { keys: items.map(read), sign: field.descending ? -1 : 1 }
  })
  const order = items.map((_, position) => position)
  order.sort((x, y) => {
    for (const column of columns) {
      const difference = compareKeys(column.keys[x]!, column.keys[y]!)
      if (difference !== 0) return difference * column.sign
    }
    return items[x]!.ratingKey - items[y]!.ratingKey
  })
  return order.map((position) => items[position]!)
}
