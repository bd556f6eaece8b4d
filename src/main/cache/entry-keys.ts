import type { EntryKey, EntryRow } from './entry-store'
import { checkText } from './input-checks'
import { normaliseSearchKey } from './search-key'
import type { CacheEntryInfo, LibraryMeta } from './types'

export function libraryKey(library: string): EntryKey {
  return { namespace: 'library', library: checkText(library, 'library'), query: '' }
}

export function searchKey(library: string, title: string): EntryKey {
  return {
    namespace: 'search',
    library: checkText(library, 'library'),
    query: normaliseSearchKey(checkText(title, 'title')),
  }
}

export function toEntryInfo(row: EntryRow): CacheEntryInfo {
  return {
    namespace: row.namespace,
    library: row.library,
    ...(row.namespace === 'search' ? { query: row.query } : {}),
    itemCount: row.item_count,
    bytes: row.bytes,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    meta: row.meta ? (JSON.parse(row.meta) as LibraryMeta) : undefined,
  }
}
