import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { createCore, type Core } from '../../src/main/core'
import { DEFAULT_SETTINGS, type RefreshOutcome } from '../../src/main/service'
import { measureAsync } from '../service/measure'
import { assertBench, summarize, type SampleSummary } from '../stats'

/**
 * One cold refreshAll through createCore, then hit reads on the libraries it stored, in a fresh
 * process (run with --expose-gc) so that its peak memory is this run's alone. Prints one JSON line.
 */
export interface ScaleJob {
  url: string
  token: string
  /** Item counts the refresh must bring back, by library title. */
  expected: Record<string, number>
  readRounds: number
}

export interface LibraryReads {
  title: string
  items: number
  /** getLibraryItems, a page of 200 at spread-out offsets, answered from the cache. */
  page: SampleSummary
  /** findByFile with the file name of a different cached item each run. */
  findByFile: SampleSummary
}

export interface ScaleProcessResult {
  refreshWallMs: number
  items: number
  outcomes: RefreshOutcome[]
  /** Per library: time spent fetching from Plex (the rest of its refresh was storing). */
  fetchMs: Record<string, number>
  /** getrusage's RSS high-water mark above the RSS after the core was opened. */
  peakRssGrowthBytes: number
  /** Highest sampled heapUsed above the post-GC heap before the refresh. */
  peakHeapGrowthBytes: number
  /** The database file (and its WAL) after the core closed. */
  cacheFileBytes: number
  accountedBytes: number
  reads: LibraryReads[]
}

const PAGE_LIMIT = 200
const gc = (globalThis as { gc?: () => void }).gc
if (!gc) throw new Error('refresh-process.ts needs node --expose-gc')
const job = JSON.parse(process.argv[2] ?? '{}') as ScaleJob

async function coldRefresh(core: Core) {
  gc!()
  const heapBefore = process.memoryUsage().heapUsed
  let peakHeap = heapBefore
  const sample = () => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)
  }
  // The interval catches moments between pages; progress events catch the end of each page.
  const sampler = setInterval(sample, 5)
  const unsubscribe = core.service.on((event) => event.type === 'progress' && sample())
  const started = performance.now()
  const outcomes = await core.service.refreshAll({ force: true })
  const refreshWallMs = performance.now() - started
  clearInterval(sampler)
  unsubscribe()
  sample()
  return { outcomes, refreshWallMs, peakHeapGrowthBytes: peakHeap - heapBefore }
}

/** File names spread over the whole library, so lookups do not all hit the first pages. */
async function sampleFileNames(core: Core, title: string, items: number): Promise<string[]> {
  const names: string[] = []
  for (let offset = 0; offset < items; offset += Math.max(1, Math.floor(items / 50))) {
    const page = await core.service.getLibraryItems({ library: title, offset, limit: 1 })
    const path = page.items[0]?.files[0]?.path
    if (path) names.push(path.split('/').pop()!)
  }
  return names
}

async function measureReads(core: Core, title: string, items: number): Promise<LibraryReads> {
  const pageSamples = await measureAsync({
    warmup: 10,
    iterations: job.readRounds,
    run: (round) =>
      core.service.getLibraryItems({
        library: title,
        offset: (round * 7919) % Math.max(1, items - PAGE_LIMIT),
        limit: PAGE_LIMIT,
      }),
    verify: (page) =>
      assertBench(
        page.source === 'cache' && page.items.length === Math.min(PAGE_LIMIT, items),
        `${title}: page from ${page.source} with ${page.items.length} items`,
      ),
  })
  const names = await sampleFileNames(core, title, items)
  assertBench(names.length > 0, `${title}: no file names to look up`)
  const findSamples = await measureAsync({
    warmup: 10,
    iterations: job.readRounds,
    run: (round) => core.service.findByFile({ nameOrPath: names[round % names.length]! }),
    verify: (matches) => assertBench(matches.length >= 1, `${title}: findByFile found nothing`),
  })
  return { title, items, page: summarize(pageSamples), findByFile: summarize(findSamples) }
}

function fileBytes(file: string): number {
  try {
    return statSync(file).size
  } catch {
    return 0
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'plex-cache-scale-bench-'))
try {
  const core = createCore({
    dataDir,
    fetch: (url, init) => fetch(url, init),
    clientIdentifier: 'plex-cache-scale-bench',
    // Big enough that nothing is evicted: this measures storing everything, not the size limit.
    settings: {
      ...DEFAULT_SETTINGS,
      serverUrl: job.url,
      token: job.token,
      keepWarm: false,
      sizeLimitBytes: 4 * 1024 ** 3,
    },
    clientTuning: { timeoutMs: 60_000 },
  })
  gc()
  const rssBefore = process.memoryUsage.rss()
  const refresh = await coldRefresh(core)
  const peakRssGrowthBytes = process.resourceUsage().maxRSS * 1024 - rssBefore
  for (const [title, count] of Object.entries(job.expected)) {
    const outcome = refresh.outcomes.find((o) => o.title === title)
    assertBench(
      outcome?.outcome === 'fetched' && outcome.itemCount === count,
      `${title}: ${outcome?.outcome} with ${outcome?.itemCount} items (${outcome?.error?.message ?? 'no error'}), expected ${count}`,
    )
  }
  const fetchMs = Object.fromEntries(
    core.cache
      .listEntries()
      .filter((entry) => entry.namespace === 'library' && entry.meta)
      .map((entry) => [entry.meta!.title, entry.meta!.fetchMs ?? 0]),
  )
  const accountedBytes = core.service.stats().bytes
  const reads: LibraryReads[] = []
  for (const [title, count] of Object.entries(job.expected)) {
    reads.push(await measureReads(core, title, count))
  }
  const file = core.cache.file
  await core.close()
  const result: ScaleProcessResult = {
    refreshWallMs: refresh.refreshWallMs,
    items: Object.values(job.expected).reduce((a, b) => a + b, 0),
    outcomes: refresh.outcomes,
    fetchMs,
    peakRssGrowthBytes,
    peakHeapGrowthBytes: refresh.peakHeapGrowthBytes,
    cacheFileBytes: fileBytes(file) + fileBytes(`${file}-wal`),
    accountedBytes,
    reads,
  }
  process.stdout.write(`${JSON.stringify(result)}\n`)
} finally {
  rmSync(dataDir, { recursive: true, force: true })
}
