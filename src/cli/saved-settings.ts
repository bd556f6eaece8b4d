import fs from 'node:fs'
import path from 'node:path'
import { storedSettingsSchema } from '../main/settings/stored-settings'
import type { ServiceSettings } from '../main/service'

type CacheSettings = Pick<
  ServiceSettings,
  'libraryTtlSeconds' | 'searchTtlSeconds' | 'emptySearchTtlSeconds' | 'sizeLimitBytes' | 'pageSize'
>

/**
 * The cache settings the app saved in `<dataDir>/settings.json` (time-to-live values, size limit,
 * page size), so the CLI keeps the cache by the same rules as the window. Server and token are not
 * taken from it: the CLI gets those from its options or the environment. A missing or damaged file
 * gives the defaults; the app, which owns the file, reports and repairs it.
 */
export function savedCacheSettings(dataDir: string): Partial<CacheSettings> {
  let text: string
  try {
    text = fs.readFileSync(path.join(dataDir, 'settings.json'), 'utf8')
  } catch {
    return {}
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return {}
  }
  const parsed = storedSettingsSchema.safeParse(json)
  if (!parsed.success) return {}
  const saved: Partial<CacheSettings> = {}
  for (const name of [
    'libraryTtlSeconds',
    'searchTtlSeconds',
    'emptySearchTtlSeconds',
    'sizeLimitBytes',
    'pageSize',
  ] as const) {
    const value = parsed.data[name]
    if (value !== undefined) saved[name] = value
  }
  return saved
}
