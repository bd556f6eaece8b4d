import type {
  FileMatchRow,
  ItemsResult,
  LibraryRow,
  ReadConsumer,
  RefreshOutcome,
  SearchResult,
  ServiceErrorInfo,
  ServiceEvent,
  ServiceStats,
} from '../shared/service-types'
import type { ArgsOf, ResultOf } from '../shared/contract'
import type { CliCommand } from './args'
import { CliFailure, EXIT_FAILURE, EXIT_OK, withHint } from './failure'
import type { Output } from './output'
import { ProgressReporter } from './progress'
import {
  fileMatchLine,
  itemLine,
  librariesTable,
  refreshLine,
  sourceText,
  statsLines,
  timeLeft,
} from './render'
import { inlineText } from './terminal-text'
import { recentReadsLines } from './recent-reads-lines'
import type { RecentRead } from '../shared/recent-reads'

/**
 * The part of CacheService the CLI uses. Declared here, narrowly, so the commands say what they
 * depend on; the real service satisfies it structurally.
 */
export interface CliService {
  listLibraries(): Promise<LibraryRow[]>
  getLibraryItems(args: ArgsOf<'getLibraryItems'>, by: ReadConsumer): Promise<ItemsResult>
  search(args: ArgsOf<'search'>, by: ReadConsumer): Promise<SearchResult>
  findByFile(args: ArgsOf<'findByFile'>, by: ReadConsumer): Promise<FileMatchRow[]>
  refreshLibrary(args: ArgsOf<'refreshLibrary'>): Promise<RefreshOutcome>
  refreshAll(args: ArgsOf<'refreshAll'>): Promise<RefreshOutcome[]>
  clear(): unknown
  clearLibrary(args: ArgsOf<'clearLibrary'>): Promise<ResultOf<'clearLibrary'>>
  resetStats(): unknown
  stats(): ServiceStats | Promise<ServiceStats>
  recentReads(): RecentRead[] | Promise<RecentRead[]>
  on(listener: (event: ServiceEvent) => void): () => void
}

export interface CommandContext {
  service: CliService
  output: Output
  json: boolean
  clock: () => number
}

/** The CLI's reads stand in for asking Plex, so they count as hits and misses of the 'cli' consumer. */
const CLI_READ: ReadConsumer = { consumer: 'cli' }

type ServiceCommand = Exclude<
  CliCommand,
  { name: 'help' | 'fake-plex' | 'settings' | 'login' | 'logout' | 'servers' | 'trust-certificate' | 'serve' }
>

/** Runs one command over the service; returns the exit code or throws (see describeFailure). */
export async function runServiceCommand(command: ServiceCommand, context: CommandContext): Promise<number> {
  switch (command.name) {
    case 'libraries':
      return libraries(context)
    case 'refresh':
      return refresh(command.libraries, command.force, context)
    case 'items':
      return items(command, context)
    case 'search':
      return search(command.library, command.title, context)
    case 'find':
      return find(command.target, context)
    case 'stats':
      return stats(command.reset, context)
    case 'clear':
      return clear(command.library, context)
  }
}

async function libraries({ service, output, json, clock }: CommandContext): Promise<number> {
  const rows = await service.listLibraries()
  if (json) output.json(rows)
  else for (const line of librariesTable(rows, clock())) output.out(line)
  return EXIT_OK
}

async function refresh(names: string[], force: boolean, context: CommandContext): Promise<number> {
  const { service, output, json } = context
  const progress = new ProgressReporter({
    isTTY: output.stderrIsTTY,
    columns: output.stderrColumns,
    write: (text) => output.errRaw(text),
  })
  // Progress events name a library by its key; a person watching the bar knows it by its title.
  const titles = await libraryTitles(service)
  const unsubscribe = service.on((event) => {
    if (event.type !== 'progress') return
    progress.update(
      titles.get(event.library) ?? `library ${event.library}`,
      event.fetched,
      event.total,
      event.retry,
    )
  })
  const outcomes: RefreshOutcome[] = []
  const report = (outcome: RefreshOutcome): void => {
    outcomes.push(outcome)
    progress.clear()
    if (!json) output.out(refreshLine(outcome))
  }
  try {
    if (names.length === 0) {
      for (const outcome of await service.refreshAll({ force })) report(outcome)
    } else {
      // One at a time, like refreshAll: a person watching the bar sees one library at a time.
      for (const name of names) report(await service.refreshLibrary({ library: name, force }))
    }
  } finally {
    unsubscribe()
    progress.clear()
  }
  if (json) output.json(outcomes)
  const failed = outcomes.filter((outcome) => outcome.outcome === 'failed')
  if (failed.length === 0) return EXIT_OK
  const failedNames = failed.map((outcome) => inlineText(outcome.title)).join(', ')
  const firstError = failed.find((outcome) => outcome.error)?.error
  output.err(`plex-cache: could not refresh ${failedNames}${firstError ? `: ${withHint(firstError)}` : ''}`)
  return EXIT_FAILURE
}

async function items(
  command: Extract<CliCommand, { name: 'items' }>,
  { service, output, json, clock }: CommandContext,
): Promise<number> {
  const { library, offset, limit } = command
  const page = await service.getLibraryItems({ library, offset, limit, filter: command.filter }, CLI_READ)
  if (page.source === 'stale') warnStale(output, page.error, `cached ${timeLeft(page.fetchedAt, clock())}`)
  if (json) {
    output.json({ source: page.source, total: page.total, items: page.items })
    return EXIT_OK
  }
  const range =
    page.items.length === 0
      ? `no items at offset ${page.offset}`
      : `items ${page.offset + 1}-${page.offset + page.items.length}`
  const filter = command.filter === undefined ? '' : ` matching "${command.filter}"`
  output.out(`${command.library}: ${range} of ${page.total}${filter} (${sourceText(page.source)})`)
  for (const item of page.items) output.out(itemLine(item))
  return EXIT_OK
}

async function search(library: string, title: string, context: CommandContext): Promise<number> {
  const { service, output, json } = context
  const result = await service.search({ library, title }, CLI_READ)
  const age =
    result.fetchedAt === undefined
      ? 'cached earlier'
      : `cached ${timeLeft(result.fetchedAt, context.clock())}`
  if (result.source === 'stale') warnStale(output, result.error, age)
  if (json) {
    const fetchedAt = result.fetchedAt === undefined ? {} : { fetchedAt: result.fetchedAt }
    output.json({ source: result.source, ...fetchedAt, results: result.results })
    return EXIT_OK
  }
  const count = `${result.results.length} result${result.results.length === 1 ? '' : 's'}`
  output.out(`${count} for "${title}" in ${library} (${sourceText(result.source)})`)
  for (const item of result.results) output.out(itemLine(item))
  return EXIT_OK
}

async function find(target: string, { service, output, json, clock }: CommandContext): Promise<number> {
  const matches = await service.findByFile({ nameOrPath: target }, CLI_READ)
  const stale = matches.filter((match) => match.source === 'stale')
  if (stale.length > 0) {
    // One warning, with the oldest copy's age; --json's source and fetchedAt say which rows are stale.
    const oldest = stale.reduce((a, b) => (b.fetchedAt < a.fetchedAt ? b : a))
    warnStale(output, oldest.error, `cached ${timeLeft(oldest.fetchedAt, clock())}`)
  }
  if (json) {
    // An empty array is an answer, not a failure: scripts test its length.
    output.json(matches)
    return EXIT_OK
  }
  if (matches.length === 0) {
    throw new CliFailure(
      `no cached item has the file "${target}"; only cached libraries are searched (run refresh first).`,
    )
  }
  for (const { library, item, file } of matches) output.out(fileMatchLine(library.title, item, file))
  return EXIT_OK
}

async function stats(reset: boolean, { service, output, json }: CommandContext): Promise<number> {
  if (reset) await service.resetStats()
  const figures = await service.stats()
  const recentReads = await service.recentReads()
  if (json) output.json({ ...figures, recentReads })
  else for (const line of [...statsLines(figures), ...recentReadsLines(recentReads)]) output.out(line)
  return EXIT_OK
}

async function clear(
  library: string | undefined,
  { service, output, json }: CommandContext,
): Promise<number> {
  if (library === undefined) {
    await service.clear()
    if (json) output.json({ cleared: 'all' })
    else output.out('Removed every cached entry. Statistics are kept.')
    return EXIT_OK
  }
  const { removed } = await service.clearLibrary({ library })
  if (json) output.json({ cleared: library, removed })
  else output.out(`Removed ${removed} cached entr${removed === 1 ? 'y' : 'ies'} of library "${library}".`)
  return EXIT_OK
}

/**
 * Titles for the progress bar. Not best effort on purpose: refresh needs the same section list, so
 * if this fails the refresh would fail the same way, only after a second round of retries.
 */
async function libraryTitles(service: CliService): Promise<Map<string, string>> {
  // The bar is written raw (it needs its own carriage returns), so its labels are made safe here.
  return new Map((await service.listLibraries()).map((row) => [row.key, inlineText(row.title)]))
}

/** Stale data is still an answer (exit 0), but a person or a script's log must know it is old. */
function warnStale(output: Output, error: ServiceErrorInfo | undefined, age: string): void {
  const why = error ? withHint(error) : 'Plex could not be reached.'
  output.err(`plex-cache: warning: serving a stale copy (${age}) because Plex failed: ${why}`)
}
