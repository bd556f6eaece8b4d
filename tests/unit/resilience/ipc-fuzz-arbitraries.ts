import fc from 'fast-check'
import type { OperationName } from '../../../src/shared/contract'

/**
 * Hostile arguments for every contract operation, built per operation from the shape of its
 * schema: a valid sample with one thing broken. Only arguments that are really invalid are made
 * (an optional argument's `undefined`, `{}` for all-optional objects, -0 where 0 is allowed and
 * null where a field is nullable are all valid, so never generated), so every one must be refused.
 */

type Field =
  | { kind: 'text'; min: 0 | 1; max: number; optional?: true; nullable?: true }
  | { kind: 'int'; min: number; max: number; optional?: true }
  | { kind: 'bool'; optional?: true }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'url'; optional?: true; nullable?: true }

export interface OperationShape {
  /** Whether `undefined` is a valid argument. */
  optional: boolean
  fields: Record<string, Field>
  /** Every field set to a valid value. */
  valid: Record<string, unknown>
}

const library: Field = { kind: 'text', min: 1, max: 256 }
const none: OperationShape = { optional: true, fields: {}, valid: {} }
const ttl = (min: number): Field => ({ kind: 'int', min, max: 365 * 24 * 3600, optional: true })

/** Mirrors src/shared/contract.ts; ipc-fuzz.test.ts checks the field names against the schemas. */
export const SHAPES: Record<OperationName, OperationShape> = {
  listLibraries: none,
  getLibraryItems: {
    optional: false,
    fields: {
      library,
      offset: { kind: 'int', min: 0, max: Number.MAX_SAFE_INTEGER, optional: true },
      limit: { kind: 'int', min: 1, max: 10_000, optional: true },
      filter: { kind: 'text', min: 0, max: 512, optional: true },
    },
    valid: { library: '1', offset: 0, limit: 5, filter: 'a' },
  },
  search: {
    optional: false,
    fields: { library, title: { kind: 'text', min: 1, max: 512 } },
    valid: { library: 'Movies', title: 'the' },
  },
  findByFile: {
    optional: false,
    fields: { nameOrPath: { kind: 'text', min: 1, max: 4096 } },
    valid: { nameOrPath: 'movie.mkv' },
  },
  refreshLibrary: {
    optional: false,
    fields: { library, force: { kind: 'bool', optional: true } },
    valid: { library: '1', force: true },
  },
  refreshAll: {
    optional: true,
    fields: { force: { kind: 'bool', optional: true } },
    valid: { force: false },
  },
  cancelRefresh: none,
  clear: none,
  clearLibrary: { optional: false, fields: { library }, valid: { library: '2' } },
  listEntries: none,
  deleteSearch: {
    optional: false,
    fields: { library, title: { kind: 'text', min: 1, max: 512 } },
    valid: { library: '1', title: 'a' },
  },
  resetStats: none,
  stats: none,
  statsHistory: {
    optional: false,
    fields: { range: { kind: 'enum', values: ['hour', 'day', 'week'] } },
    valid: { range: 'day' },
  },
  connectionStatus: {
    optional: true,
    fields: { check: { kind: 'bool', optional: true } },
    valid: { check: true },
  },
  getSettings: none,
  setSettings: {
    optional: false,
    fields: {
      serverUrl: { kind: 'url', optional: true, nullable: true },
      token: { kind: 'text', min: 0, max: 512, optional: true, nullable: true },
      libraryTtlSeconds: ttl(60),
      searchTtlSeconds: ttl(60),
      emptySearchTtlSeconds: ttl(10),
      sizeLimitBytes: { kind: 'int', min: 1024 * 1024, max: 64 * 1024 ** 3, optional: true },
      pageSize: { kind: 'int', min: 50, max: 10_000, optional: true },
      keepWarm: { kind: 'bool', optional: true },
      staleWhileRevalidateSeconds: { kind: 'int', min: 0, max: 7 * 24 * 3600, optional: true },
      startInTray: { kind: 'bool', optional: true },
      notifyWhenHidden: { kind: 'bool', optional: true },
      serveToTools: { kind: 'bool', optional: true },
      toolsPort: { kind: 'int', min: 1024, max: 65535, optional: true },
    },
    valid: {
      serverUrl: 'http://127.0.0.1:32400',
      token: 'token',
      libraryTtlSeconds: 3600,
      searchTtlSeconds: 600,
      emptySearchTtlSeconds: 60,
      sizeLimitBytes: 64 * 1024 * 1024,
      pageSize: 500,
      keepWarm: true,
      staleWhileRevalidateSeconds: 600,
      startInTray: false,
      notifyWhenHidden: true,
      serveToTools: false,
      toolsPort: 32499,
    },
  },
  testConnection: {
    optional: false,
    fields: { url: { kind: 'url' }, token: { kind: 'text', min: 1, max: 512 } },
    valid: { url: 'http://127.0.0.1:32400', token: 'token' },
  },
  trustCertificate: {
    optional: false,
    fields: { url: { kind: 'url' }, fingerprint256: { kind: 'text', min: 1, max: 95 } },
    valid: { url: 'https://127.0.0.1:32400', fingerprint256: `${'AB:'.repeat(31)}AB` },
  },
  useDemoServer: none,
  signInStart: none,
  signInState: none,
  signInCancel: none,
  signInChooseServer: {
    optional: false,
    fields: { clientIdentifier: { kind: 'text', min: 1, max: 128 } },
    valid: { clientIdentifier: 'abc' },
  },
  signInUseConnection: {
    optional: false,
    fields: { clientIdentifier: { kind: 'text', min: 1, max: 128 }, uri: { kind: 'url' } },
    valid: { clientIdentifier: 'abc', uri: 'http://127.0.0.1:32400' },
  },
  signOut: none,
  recentReads: none,
  getAbout: none,
  openDataFolder: none,
  showLogFile: none,
  toolsProxyStatus: none,
}

/** Far past every string limit in the contract (the largest is 4096). */
const huge = fc
  .tuple(fc.string({ minLength: 1, maxLength: 4 }), fc.integer({ min: 100_000, max: 150_000 }))
  .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)))

/** Objects or arrays nested 1,000 to 3,000 deep, built without recursion. */
const deep = fc.tuple(fc.integer({ min: 1_000, max: 3_000 }), fc.boolean()).map(([depth, arrays]) => {
  let value: unknown = 'bottom'
  for (let level = 0; level < depth; level++) value = arrays ? [value] : { nested: value }
  return value
})

const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'] as const

function isPlainObject(value: unknown): boolean {
  return Object.prototype.toString.call(value) === '[object Object]' && !Array.isArray(value)
}

/** Anything (including deep values) that is neither of the field's type nor an allowed empty value. */
function wrongType(accepts: (value: unknown) => boolean): fc.Arbitrary<unknown> {
  return fc
    .oneof(fc.anything(), deep, fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, [], {}, null))
    .filter((value) => !accepts(value))
}

function badValue(field: Field): fc.Arbitrary<unknown> {
  const empty = (value: unknown) =>
    (value === undefined && 'optional' in field) || (value === null && 'nullable' in field)
  switch (field.kind) {
    case 'text': {
      const wrong = wrongType((value) => typeof value === 'string' || empty(value))
      if (field.min === 0) return fc.oneof(wrong, huge)
      // Blank after trimming, which the contract refuses like an empty string.
      return fc.oneof(wrong, huge, fc.constantFrom('', ' ', '\t\n', '\u00a0\u3000'))
    }
    case 'int':
      return fc.oneof(
        wrongType((value) => typeof value === 'number' || empty(value)),
        fc.constantFrom(Number.NaN, Infinity, -Infinity, 2 ** 53, Number.MAX_VALUE),
        // Floats where whole numbers are required, tiny fractions and plain halves alike.
        fc.double({ min: field.min, max: field.max, noNaN: true }).filter((x) => !Number.isInteger(x)),
        fc
          .integer({ min: field.min, max: Math.min(field.max - 1, 1_000_000_000) })
          .map((whole) => whole + 0.5),
        // Below the minimum: negative offsets and limits, and -0 where 0 itself is too small.
        fc.integer({ min: -1_000_000_000, max: field.min - 1 }),
        ...(field.min > 0 ? [fc.constant(-0)] : []),
        fc.integer({ min: 1, max: 1_000_000 }).map((over) => field.max + over),
      )
    case 'bool':
      return wrongType((value) => typeof value === 'boolean' || empty(value))
    case 'enum':
      return fc.oneof(
        wrongType((value) => typeof value === 'string'),
        fc.string().filter((text) => !field.values.includes(text)),
        fc.constantFrom('HOUR', ' day', 'year', '__proto__'),
      )
    case 'url':
      return fc.oneof(
        wrongType((value) => typeof value === 'string' || empty(value)),
        fc.constantFrom(
          'file:///etc/passwd',
          'javascript:alert(1)',
          'ftp://127.0.0.1',
          'data:text/html,<script>alert(1)</script>',
          'not a url',
          '',
        ),
        huge.map((path) => `http://127.0.0.1:32400/${path}`),
      )
  }
}

/** An own property, even for __proto__ (as JSON.parse makes it), so it reaches the schema as a key. */
function withOwnKey(base: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const result = { ...base }
  Object.defineProperty(result, key, { value, enumerable: true, configurable: true, writable: true })
  return result
}

/** Valid sample plus one key the schema does not know, some of them prototype keys from JSON.parse. */
function extraKey(shape: OperationShape): fc.Arbitrary<unknown> {
  const unknownKey = fc.string().filter((key) => !(key in shape.fields))
  return fc.oneof(
    fc
      .tuple(unknownKey, fc.oneof(fc.anything(), deep))
      .map(([key, value]) => withOwnKey(shape.valid, key, value)),
    fc.tuple(fc.constantFrom(...PROTOTYPE_KEYS), fc.jsonValue()).map(([key, value]) => {
      const json = JSON.stringify(shape.valid)
      const prefix = json === '{}' ? '{' : `${json.slice(0, -1)},`
      return JSON.parse(`${prefix}${JSON.stringify(key)}:${JSON.stringify({ polluted: value })}}`) as unknown
    }),
  )
}

/** Valid sample with one field replaced by a bad value. */
function corruptField(shape: OperationShape): fc.Arbitrary<unknown> {
  const names = Object.keys(shape.fields)
  return fc
    .constantFrom(...names)
    .chain((name) => badValue(shape.fields[name]!).map((value) => withOwnKey(shape.valid, name, value)))
}

/** Not an object at all (objects are broken by the other kinds, which know the keys). */
function wrongTopLevel(shape: OperationShape): fc.Arbitrary<unknown> {
  return wrongType((value) => isPlainObject(value) || (value === undefined && shape.optional))
}

export function invalidArgs(operation: OperationName): fc.Arbitrary<unknown> {
  const shape = SHAPES[operation]
  const kinds = [
    { arbitrary: wrongTopLevel(shape), weight: 2 },
    { arbitrary: extraKey(shape), weight: 2 },
    { arbitrary: deep, weight: 1 },
  ]
  // Most weight on one broken field: the subtlest way to be almost valid.
  if (Object.keys(shape.fields).length > 0) kinds.push({ arbitrary: corruptField(shape), weight: 5 })
  return fc.oneof(...kinds)
}
