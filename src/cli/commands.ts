import { CacheArgumentError, PlexCache } from '../main/cache'
import { formatBytes, formatDuration, formatPercent } from '../shared/format'

export interface CliIo {
  out: (line: string) => void
  err: (line: string) => void
  clock: () => number
}

export interface CliOptions {
  dataDir: string
  json: boolean
  library?: string
}

export const USAGE = `Usage: plex-cache <command> [options]

Commands:
  stats                    hits, misses, size and evictions of the cache
  entries                  every cached library listing and search, with its time left
  find <file name|path>    which cached Plex item has this file (case-insensitive)
  clear [--library NAME]   remove every cached entry, or one library and its searches
  help                     this text

Options:
  --data-dir DIR   the Plex Cache data folder (default: the app's, or $PLEX_CACHE_DATA_DIR)
  --json           print machine-readable JSON`

type Command = (cache: PlexCache, args: string[], options: CliOptions, io: CliIo) => number

const commands: Record<string, Command> = {
  stats(cache, _args, options, io) {
    const stats = cache.getStats()
    if (options.json) return printJson(io, stats)
    io.out(`Hit rate      ${formatPercent(stats.hitRate)} (${stats.hits} hits, ${stats.misses} misses)`)
    io.out(`Entries       ${stats.entryCount}`)
    io.out(`Size          ${formatBytes(stats.accountedBytes)} of ${formatBytes(stats.sizeLimitBytes)}`)
    io.out(`File on disk  ${formatBytes(stats.databaseFileBytes)}`)
    const evictions = Object.entries(stats.evictions).map(([reason, count]) => `${reason} ${count}`)
    io.out(`Evictions     ${evictions.join(', ')}`)
    return 0
  },

  entries(cache, _args, options, io) {
    const entries = cache.listEntries()
    if (options.json) return printJson(io, entries)
    if (entries.length === 0) io.out('The cache is empty.')
    for (const entry of entries) {
      const what =
        entry.namespace === 'library'
          ? `library "${entry.library}"`
          : `search "${entry.query}" in "${entry.library}"`
      const left = formatDuration(entry.expiresAt - io.clock())
      io.out(`${what}: ${entry.itemCount} items, ${formatBytes(entry.bytes)}, expires in ${left}`)
    }
    return 0
  },

  find(cache, args, options, io) {
    const target = args.join(' ').trim()
    if (!target) {
      io.err('find needs a file name or a full path, e.g. plex-cache find "Alien (1979).mkv"')
      return 2
    }
    const matches = /[\\/]/.test(target) ? cache.findByPath(target) : cache.findByFileName(target)
    if (options.json) return printJson(io, matches)
    if (matches.length === 0) {
      io.out(`No cached item has the file "${target}". Libraries that are not cached are not searched.`)
      return 1
    }
    for (const { library, item, file } of matches) {
      const year = item.year ? ` (${item.year})` : ''
      io.out(`${library}: ${item.title}${year} [ratingKey ${item.ratingKey}] ${file.path}`)
    }
    return 0
  },

  clear(cache, _args, options, io) {
    if (options.library !== undefined) {
      const removed = cache.clearLibrary(options.library)
      io.out(`Removed ${removed} entr${removed === 1 ? 'y' : 'ies'} of library "${options.library}".`)
    } else {
      const count = cache.listEntries().length
      cache.clear()
      io.out(`Removed all ${count} cached entr${count === 1 ? 'y' : 'ies'}. Statistics are kept.`)
    }
    return 0
  },
}

/** Runs one command against the cache in `options.dataDir`; returns the process exit code. */
export function runCommand(name: string, args: string[], options: CliOptions, io: CliIo): number {
  if (name === 'help') {
    io.out(USAGE)
    return 0
  }
  const command = commands[name]
  if (!command) {
    io.err(`Unknown command "${name}".\n\n${USAGE}`)
    return 2
  }
  const cache = new PlexCache({
    dataDir: options.dataDir,
    clock: io.clock,
    onEvent: (event) =>
      io.err(`The cache file was damaged and has been moved to ${event.movedTo}; starting afresh.`),
  })
  try {
    return command(cache, args, options, io)
  } catch (error) {
    if (error instanceof CacheArgumentError) {
      io.err(error.message)
      return 2
    }
    throw error
  } finally {
    cache.close()
  }
}

function printJson(io: CliIo, value: unknown): number {
  io.out(JSON.stringify(value, null, 2))
  return 0
}
