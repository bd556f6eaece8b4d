import { parseArgs } from 'node:util'
import { defaultDataDir } from '../main/data-dir'

/** Options every command shares; server and token fall back to PLEX_URL and PLEX_TOKEN. */
export interface GlobalOptions {
  server?: string
  token?: string
  dataDir: string
  json: boolean
}

export type CliCommand =
  | { name: 'help' }
  | { name: 'fake-plex'; args: string[] }
  | { name: 'libraries' }
  | { name: 'refresh'; libraries: string[]; force: boolean }
  | { name: 'items'; library: string; offset?: number; limit?: number; filter?: string }
  | { name: 'search'; library: string; title: string }
  | { name: 'find'; target: string }
  | { name: 'stats'; reset: boolean }
  | { name: 'clear'; library?: string }
  /** Without `set`, shows every setting; with it, changes one (see settings-command.ts). */
  | { name: 'settings'; set?: { key: string; value: string } }
  /** Sign in with Plex (see login-command.ts); serverName picks one of several servers. */
  | { name: 'login'; serverName?: string; connection?: string }
  | { name: 'logout' }
  | { name: 'servers' }
  /** Show an https server's certificate and trust it for that server (see trust-certificate-command.ts). */
  | { name: 'trust-certificate'; url?: string; fingerprint?: string; remove: boolean }
  /** Serve the cache to other Plex tools over HTTP until stopped (see serve-command.ts). */
  | { name: 'serve'; port?: number; host?: string }

export interface ParsedCli {
  command: CliCommand
  options: GlobalOptions
}

/** Bad command line: exit code 2, with the usage text. */
export class UsageError extends Error {}

const OPTIONS = {
  server: { type: 'string' },
  token: { type: 'string' },
  'data-dir': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  force: { type: 'boolean' },
  offset: { type: 'string' },
  limit: { type: 'string' },
  filter: { type: 'string' },
  reset: { type: 'boolean' },
  'server-name': { type: 'string' },
  connection: { type: 'string' },
  fingerprint: { type: 'string' },
  remove: { type: 'boolean' },
  port: { type: 'string' },
  host: { type: 'string' },
} as const

type OptionName = keyof typeof OPTIONS
type OptionValues = Partial<Record<OptionName, string | boolean>>

const GLOBAL_OPTIONS: readonly OptionName[] = ['server', 'token', 'data-dir', 'json', 'help']

/** Options each command accepts beyond the global ones; the keys are also the list of commands. */
const COMMAND_OPTIONS: Record<Exclude<CliCommand['name'], 'fake-plex'>, readonly OptionName[]> = {
  help: [],
  libraries: [],
  refresh: ['force'],
  items: ['offset', 'limit', 'filter'],
  search: [],
  find: [],
  stats: ['reset'],
  clear: [],
  settings: [],
  login: ['server-name', 'connection'],
  logout: [],
  servers: [],
  'trust-certificate': ['fingerprint', 'remove'],
  serve: ['port', 'host'],
}

export function parseCli(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): ParsedCli {
  // fake-plex has options of its own, so everything after it goes to the fake untouched.
  const fakeIndex = firstPositionalIndex(argv)
  if (fakeIndex !== -1 && argv[fakeIndex] === 'fake-plex') {
    return {
      command: { name: 'fake-plex', args: argv.slice(fakeIndex + 1) },
      options: { dataDir: defaultDataDir(env), json: false },
    }
  }
  let parsed
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true })
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  const values = parsed.values as OptionValues
  const [name = 'help', ...rest] = parsed.positionals
  const options = globalOptions(values, env)
  if (values.help) return { command: { name: 'help' }, options }
  if (!isCommandName(name)) throw new UsageError(`Unknown command "${name}".`)
  for (const option of Object.keys(values) as OptionName[]) {
    if (!GLOBAL_OPTIONS.includes(option) && !COMMAND_OPTIONS[name].includes(option))
      throw new UsageError(`--${option} is not an option of "${name}".`)
  }
  return { command: commandFrom(name, rest, values), options }
}

function commandFrom(name: keyof typeof COMMAND_OPTIONS, args: string[], values: OptionValues): CliCommand {
  switch (name) {
    case 'help':
      return { name }
    case 'libraries':
      expectArgs(name, args, 0, 0)
      return { name }
    case 'refresh':
      return { name, libraries: args, force: values.force === true }
    case 'items': {
      expectArgs(name, args, 1, 1, 'LIBRARY')
      const command: CliCommand = { name, library: args[0]! }
      if (values.offset !== undefined) command.offset = wholeNumber('offset', values.offset, 0)
      if (values.limit !== undefined) command.limit = wholeNumber('limit', values.limit, 1)
      if (typeof values.filter === 'string') command.filter = values.filter
      return command
    }
    case 'search': {
      expectArgs(name, args, 2, Infinity, 'LIBRARY TITLE')
      // Unquoted words are one title: `search Movies The Matrix` means what a person expects.
      const title = args.slice(1).join(' ').trim()
      if (title === '') throw new UsageError('search needs a non-empty TITLE.')
      return { name, library: args[0]!, title }
    }
    case 'find': {
      expectArgs(name, args, 1, 1, 'NAME_OR_PATH')
      const target = args[0]!.trim()
      if (target === '') throw new UsageError('find needs a file name or a full path.')
      return { name, target }
    }
    case 'stats':
      expectArgs(name, args, 0, 0)
      return { name, reset: values.reset === true }
    case 'clear':
      expectArgs(name, args, 0, 1, '[LIBRARY]')
      return args[0] === undefined ? { name } : { name, library: args[0] }
    case 'settings':
      if (args.length === 0) return { name }
      if (args[0] !== 'set')
        throw new UsageError(`settings takes no arguments or set KEY VALUE; unexpected "${args[0]}".`)
      expectArgs('settings set', args.slice(1), 2, 2, 'KEY VALUE')
      return { name, set: { key: args[1]!, value: args[2]! } }
    case 'login': {
      expectArgs(name, args, 0, 0)
      const serverName = nonEmpty('server-name', values['server-name'])
      const connection = nonEmpty('connection', values.connection)
      return { name, serverName, connection }
    }
    case 'logout':
    case 'servers':
      expectArgs(name, args, 0, 0)
      return { name }
    case 'trust-certificate': {
      expectArgs(name, args, 0, 1, '[URL]')
      const fingerprint = nonEmpty('fingerprint', values.fingerprint)
      if (fingerprint !== undefined && values.remove === true)
        throw new UsageError('--fingerprint and --remove do not go together.')
      return {
        name,
        remove: values.remove === true,
        url: args[0],
        fingerprint,
      }
    }
    case 'serve': {
      expectArgs(name, args, 0, 0)
      const host = nonEmpty('host', values.host)
      return {
        name,
        port: values.port === undefined ? undefined : portNumber(values.port),
        host: host?.trim(),
      }
    }
  }
}

/** 0 asks the system for a free port (tests use it); the URL printed says which one it gave. */
function portNumber(value: string | boolean): number {
  if (typeof value !== 'string' || !/^\d{1,5}$/.test(value) || Number(value) > 65535)
    throw new UsageError(`--port must be a port number from 0 to 65535, got "${String(value)}".`)
  return Number(value)
}

function globalOptions(values: OptionValues, env: NodeJS.ProcessEnv): GlobalOptions {
  const options: GlobalOptions = {
    dataDir: nonEmpty('data-dir', values['data-dir']) ?? defaultDataDir(env),
    json: values.json === true,
  }
  // An empty environment variable means "not set", as in most shells' scripts.
  const server = nonEmpty('server', values.server) ?? (env.PLEX_URL || undefined)
  const token = nonEmpty('token', values.token) ?? (env.PLEX_TOKEN || undefined)
  if (server !== undefined) options.server = server
  if (token !== undefined) options.token = token
  return options
}

function nonEmpty(name: string, value: string | boolean | undefined): string | undefined {
  if (typeof value !== 'string') return undefined
  if (value.trim() === '') throw new UsageError(`--${name} needs a non-empty value.`)
  return value
}

function wholeNumber(name: string, value: string | boolean, min: number): number {
  if (typeof value !== 'string' || !/^\d{1,9}$/.test(value) || Number(value) < min)
    throw new UsageError(`--${name} must be a whole number of at least ${min}, got "${String(value)}".`)
  return Number(value)
}

function expectArgs(command: string, args: string[], min: number, max: number, shape = ''): void {
  if (args.length < min) throw new UsageError(`${command} needs ${shape}.`)
  if (args.length > max) {
    const extra = args.slice(max).join(' ')
    throw new UsageError(`${command} takes ${shape ? shape : 'no arguments'}; unexpected "${extra}".`)
  }
}

function isCommandName(name: string): name is keyof typeof COMMAND_OPTIONS {
  return Object.hasOwn(COMMAND_OPTIONS, name)
}

/** Index of the first argument that is neither an option nor an option's value, or -1. */
function firstPositionalIndex(argv: readonly string[]): number {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--') return i + 1 < argv.length ? i + 1 : -1
    if (!arg.startsWith('-')) return i
    const name = arg.replace(/^--?/, '') as OptionName
    const takesValue = Object.hasOwn(OPTIONS, name) && OPTIONS[name].type === 'string'
    if (takesValue && !arg.includes('=')) i++
  }
  return -1
}
