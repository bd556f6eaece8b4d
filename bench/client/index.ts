import { DEFAULT_PAGE_SIZE } from '../../src/main/plex'
import type { BenchPart, BenchPartResult, BenchRunOptions } from '../part'
import { median } from '../stats'
import { formatMs, formatRatio, renderTable } from '../table'
import type { ClientProcessResult } from './client-process'
import { runClientProcess, startFakeProcess } from './processes'
import { renderSlowListing, runSlowListing } from './slow-listing'

const PAGE_SIZES = [100, 500, 2000]
const TARGET_ITEMS_PER_SECOND = 20_000
const TARGET_MEMORY_RATIO = 3

interface PageSizeResult {
  pageSize: number
  pages: number
  /** Warm rounds only; round 0 warms the JIT up. */
  medianWallMs: number
  itemsPerSecond: number
  medianCpuMs: number
  itemsPerCpuSecond: number
  /** The fake server's CPU per round (all rounds averaged): what the client waited for. */
  serverCpuMsPerRound: number
  peakHeapGrowthBytes: number
  peakRssGrowthBytes: number
  retainedHeapBytes: number
  extractedJsonBytes: number
  /** Peak heap growth over the heap the extracted items keep: the target's measure, like for like. */
  memoryRatio: number
  /** Peak heap growth over the extracted items' JSON size, for reference. */
  memoryToJsonRatio: number
}

function summarise(
  pageSize: number,
  items: number,
  run: ClientProcessResult,
  serverCpuMs: number,
): PageSizeResult {
  const warm = run.rounds.length > 1 ? run.rounds.slice(1) : run.rounds
  const medianWallMs = median(warm.map((round) => round.wallMs))
  const medianCpuMs = median(warm.map((round) => round.cpuMs))
  const peakHeapGrowthBytes = Math.max(...run.rounds.map((round) => round.peakHeapGrowthBytes))
  const extractedJsonBytes = run.rounds[0]?.extractedJsonBytes ?? Number.NaN
  const retainedHeapBytes = median(run.rounds.map((round) => round.retainedHeapBytes))
  return {
    pageSize,
    pages: run.rounds[0]?.pages ?? 0,
    medianWallMs,
    itemsPerSecond: (items / medianWallMs) * 1000,
    medianCpuMs,
    itemsPerCpuSecond: (items / medianCpuMs) * 1000,
    serverCpuMsPerRound: serverCpuMs / run.rounds.length,
    peakHeapGrowthBytes,
    peakRssGrowthBytes: run.peakRssGrowthBytes,
    retainedHeapBytes,
    extractedJsonBytes,
    memoryRatio: peakHeapGrowthBytes / retainedHeapBytes,
    memoryToJsonRatio: peakHeapGrowthBytes / extractedJsonBytes,
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

function render(items: number, results: readonly PageSizeResult[]): string[] {
  const rows = results.map((r) => [
    r.pageSize === DEFAULT_PAGE_SIZE ? `${r.pageSize} (default)` : String(r.pageSize),
    String(r.pages),
    formatMs(r.medianWallMs),
    Math.round(r.itemsPerSecond).toLocaleString('en-US'),
    formatMs(r.medianCpuMs),
    Math.round(r.itemsPerCpuSecond).toLocaleString('en-US'),
    formatMs(r.serverCpuMsPerRound),
    mb(r.peakHeapGrowthBytes),
    mb(r.peakRssGrowthBytes),
    mb(r.retainedHeapBytes),
    mb(r.extractedJsonBytes),
    formatRatio(r.memoryRatio),
    formatRatio(r.memoryToJsonRatio),
  ])
  return [
    `PlexClient.items() over ${items.toLocaleString('en-US')} movies from the fake server (in another process) on loopback.`,
    '',
    ...renderTable(
      [
        { header: 'page size', align: 'right' },
        { header: 'pages', align: 'right' },
        { header: 'wall ms', align: 'right' },
        { header: 'items/s', align: 'right' },
        { header: 'client CPU ms', align: 'right' },
        { header: 'items/CPU-s', align: 'right' },
        { header: 'server CPU ms', align: 'right' },
        { header: 'peak heap +', align: 'right' },
        { header: 'peak RSS +', align: 'right' },
        { header: 'items heap', align: 'right' },
        { header: 'items JSON', align: 'right' },
        { header: 'peak/items', align: 'right' },
        { header: 'peak/JSON', align: 'right' },
      ],
      rows,
    ),
    '',
    'wall and CPU: median of the warm rounds (the first, cold round is left out). client CPU is the client',
    "process only; server CPU is the fake server's, per round. peak heap +: highest sampled heapUsed above",
    "the post-GC baseline; peak RSS +: the process's getrusage high-water mark above its starting RSS (all",
    'rounds). items heap: heap kept by the result after a GC. peak/items: peak heap growth over items heap',
    '(in-memory size against in-memory size: the memory target). peak/JSON: peak heap growth over the',
    'extracted items serialised as JSON, for reference (objects take about twice their JSON size in V8).',
    `Targets: >= ${TARGET_ITEMS_PER_SECOND.toLocaleString('en-US')} items/s at the best page size; peak memory growth <= ${TARGET_MEMORY_RATIO}x the extracted items.`,
  ]
}

function missedTargets(results: readonly PageSizeResult[]): string[] {
  const missed: string[] = []
  const best = results.reduce((a, b) => (b.itemsPerSecond > a.itemsPerSecond ? b : a))
  if (best.itemsPerSecond < TARGET_ITEMS_PER_SECOND) {
    missed.push(
      `client: best throughput ${Math.round(best.itemsPerSecond)} items/s (page size ${best.pageSize}) < ${TARGET_ITEMS_PER_SECOND}`,
    )
  }
  for (const r of results) {
    if (r.memoryRatio > TARGET_MEMORY_RATIO) {
      missed.push(
        `client: page size ${r.pageSize}: peak heap growth ${formatRatio(r.memoryRatio)} of the items' heap > ${TARGET_MEMORY_RATIO}x`,
      )
    }
  }
  return missed
}

async function run({ quick, log }: BenchRunOptions): Promise<BenchPartResult> {
  const items = quick ? 5_000 : 50_000
  const rounds = quick ? 2 : 4
  log(`client: starting the fake server with ${items} movies`)
  const fake = await startFakeProcess(items)
  const results: PageSizeResult[] = []
  try {
    for (const pageSize of PAGE_SIZES) {
      log(`client: page size ${pageSize}`)
      const serverCpuBefore = await fake.cpuMs()
      const runResult = await runClientProcess({
        url: fake.url,
        token: fake.token,
        pageSize,
        rounds,
        expectedItems: items,
      })
      results.push(summarise(pageSize, items, runResult, (await fake.cpuMs()) - serverCpuBefore))
    }
  } finally {
    fake.stop()
  }
  const slow = await runSlowListing({ quick, log })
  const plainAtDefault = results.find((r) => r.pageSize === DEFAULT_PAGE_SIZE)?.itemsPerSecond ?? Number.NaN
  const missed = missedTargets(results)
  // Resuming must cost far less than starting again: a restart would cost the whole plain listing.
  if (!(slow.overheadMs < slow.plainWallMs)) {
    missed.push(
      `client: resuming the slow listing cost ${Math.round(slow.overheadMs)} ms beyond the timeouts, not less than a whole plain listing (${Math.round(slow.plainWallMs)} ms)`,
    )
  }
  return {
    report: [...render(items, results), '', ...renderSlowListing(slow, plainAtDefault)],
    json: { items, rounds, defaultPageSize: DEFAULT_PAGE_SIZE, sizes: results, slowListing: slow },
    missedTargets: missed,
  }
}

export const clientBenchPart: BenchPart = {
  name: 'client',
  title: 'Client: PlexClient paging a large section from the fake Plex server',
  run,
}
