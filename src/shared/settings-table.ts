import { z } from 'zod'

/**
 * Every setting the window, the tray and the CLI share, defined once: the contract's schema, the
 * defaults, the cache's and the service's bounds, the form's fields and the CLI's `settings`
 * command are all derived from this table. A new setting is one row here (and its use).
 * The server URL and the token are not rows: they are tested against Plex together and the token
 * is secret, so both have their own handling.
 */

const MINUTE = 60
const HOUR = 3600
const DAY = 86_400
const MEGABYTE = 1024 * 1024

/** The longest time to live anything may have. */
export const MAX_TTL_SECONDS = 365 * DAY

interface Shown {
  label: string
  help: string
  /** The window's section and `data-testid` suffix. */
  group: 'cache' | 'behaviour' | 'tools'
  testId: string
}

export interface NumberSetting extends Shown {
  /** duration: seconds shown as an amount and a unit; size: bytes shown in megabytes; count and port: as is. */
  type: 'duration' | 'size' | 'count' | 'port'
  default: number
  min: number
  max: number
  /** What the stored number counts. */
  unit: 'seconds' | 'bytes' | 'items' | 'port'
}

export interface BooleanSetting extends Shown {
  type: 'boolean'
  default: boolean
}

export type SettingDefinition = NumberSetting | BooleanSetting

export const SETTINGS = {
  libraryTtlSeconds: {
    type: 'duration',
    default: HOUR,
    min: MINUTE,
    max: MAX_TTL_SECONDS,
    unit: 'seconds',
    label: 'Library time to live',
    help: 'How long a fetched library counts as fresh. The next refresh uses a new value.',
    group: 'cache',
    testId: 'library-ttl',
  },
  searchTtlSeconds: {
    type: 'duration',
    default: HOUR,
    min: MINUTE,
    max: MAX_TTL_SECONDS,
    unit: 'seconds',
    label: 'Search time to live',
    help: 'How long a search that found something is kept.',
    group: 'cache',
    testId: 'search-ttl',
  },
  emptySearchTtlSeconds: {
    type: 'duration',
    // Short, so a file Plex has only just scanned is not reported missing for long.
    default: 5 * MINUTE,
    min: 10,
    max: MAX_TTL_SECONDS,
    unit: 'seconds',
    label: 'Empty search time to live',
    help: 'Kept short, so a file Plex has just scanned is found soon.',
    group: 'cache',
    testId: 'empty-search-ttl',
  },
  staleWhileRevalidateSeconds: {
    type: 'duration',
    // Off: a copy past its TTL is never served while Plex answers. The change-aware revalidation
    // that runs instead costs two small requests when nothing changed, and when something did the
    // stale copy is exactly the wrong answer; keep-warm keeps libraries fresh while the app runs.
    default: 0,
    min: 0,
    // Never longer than the 7 days an expired copy is kept.
    max: 7 * DAY,
    unit: 'seconds',
    label: 'Serve while revalidating',
    help: 'For this long after a library expires, it is shown at once, marked stale, while Plex is asked in the background. 0 is off.',
    group: 'cache',
    testId: 'stale-while-revalidate',
  },
  sizeLimitBytes: {
    type: 'size',
    default: 100 * MEGABYTE,
    min: MEGABYTE,
    max: 64 * 1024 * MEGABYTE,
    unit: 'bytes',
    label: 'Size limit',
    help: 'The oldest entries are evicted above this size.',
    group: 'cache',
    testId: 'size-limit',
  },
  pageSize: {
    type: 'count',
    // The page size the Plex client measured as fastest (DEFAULT_PAGE_SIZE in src/main/plex).
    default: 500,
    min: 50,
    max: 10_000,
    unit: 'items',
    label: 'Page size',
    help: 'Items asked of Plex per request while fetching a library.',
    group: 'cache',
    testId: 'page-size',
  },
  keepWarm: {
    type: 'boolean',
    default: true,
    label: 'Keep libraries warm',
    help: 'Refresh a library shortly before it expires, while Plex is reachable.',
    group: 'behaviour',
    testId: 'keep-warm',
  },
  startInTray: {
    type: 'boolean',
    default: false,
    label: 'Start in the tray',
    help: 'Open Plex Cache without its window; the tray menu still refreshes.',
    group: 'behaviour',
    testId: 'start-in-tray',
  },
  notifyWhenHidden: {
    type: 'boolean',
    default: true,
    label: 'Notify about background failures',
    help: 'While the window is hidden, a system notification says when keep-warm or a scheduled refresh finds Plex unreachable, and when it answers again. Once per change, not per failure.',
    group: 'behaviour',
    testId: 'notify-when-hidden',
  },
  serveToTools: {
    type: 'boolean',
    default: false,
    label: 'Serve the cache to other tools',
    help: 'Plex tools on this computer (python-plexapi scripts, sync plugins) can use the cache: set their Plex server address to the one shown here. Each request still needs a Plex token your server accepts.',
    group: 'tools',
    testId: 'serve-to-tools',
  },
  toolsPort: {
    type: 'port',
    // Next to Plex's own 32400, and free on a machine that runs Plex.
    default: 32499,
    min: 1024,
    max: 65535,
    unit: 'port',
    label: 'Port for tools',
    help: 'The port of that address, on this computer only (127.0.0.1).',
    group: 'tools',
    testId: 'tools-port',
  },
} as const satisfies Record<string, SettingDefinition>

export type SettingKey = keyof typeof SETTINGS
export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[]

/** The value each setting holds: a number or a boolean, by its row's type. */
export type SettingValues = {
  [K in SettingKey]: (typeof SETTINGS)[K] extends BooleanSetting ? boolean : number
}

export type NumberSettingKey = {
  [K in SettingKey]: (typeof SETTINGS)[K] extends NumberSetting ? K : never
}[SettingKey]

export function settingDefinition(key: SettingKey): SettingDefinition {
  return SETTINGS[key]
}

export function isSettingKey(name: string): name is SettingKey {
  return Object.hasOwn(SETTINGS, name)
}

export const SETTING_DEFAULTS = Object.fromEntries(
  SETTING_KEYS.map((key) => [key, SETTINGS[key].default]),
) as SettingValues

type SchemaOf<D> = D extends BooleanSetting ? z.ZodOptional<z.ZodBoolean> : z.ZodOptional<z.ZodNumber>

/** One optional zod field per row, with the row's bounds; the contract spreads it into its schema. */
export const settingsSchemaShape = Object.fromEntries(
  SETTING_KEYS.map((key) => {
    const definition: SettingDefinition = SETTINGS[key]
    const schema =
      definition.type === 'boolean' ? z.boolean() : z.number().int().min(definition.min).max(definition.max)
    return [key, schema.optional()]
  }),
) as { [K in SettingKey]: SchemaOf<(typeof SETTINGS)[K]> }
