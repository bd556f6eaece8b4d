import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCore, type Core } from '../../src/main/core'
import { PlexClient, type FetchFunction } from '../../src/main/plex'
import { DEFAULT_SETTINGS, type FileMatchRow, type ItemsResult } from '../../src/main/service'
import { startFakeProcess, type FakeServerProcess } from '../client/processes'
import type { BenchPart, BenchPartResult, BenchRunOptions } from '../part'
import { assertBench, summarize, type SampleSummary } from '../stats'
import { formatMs, renderTable } from '../table'
import { measureAsync } from './measure'

const PAGE_LIMIT = 200
/** A cache hit should beat refetching the library by at least this much, or the cache is not worth it. */
const TARGET_SPEEDUP = 100
const CLIENT_IDENTIFIER = '7a1d3c8e-2b4f-4e6a-9c0d-5f8e1b2a3c4d'

interface Plan {
  items: number
  fetchRounds: number
  pageRounds: number
  findRounds: number
}

const FULL: Plan = { items: 50_000, fetchRounds: 3, pageRounds: 200, findRounds: 200 }
const QUICK: Plan = { items: 5_000, fetchRounds: 1, pageRounds: 30, findRounds: 30 }

interface ServiceBenchResult {
  items: number
  freshFetch: SampleSummary
  serviceRefresh: SampleSummary
  cachedPage: SampleSummary
  findByFile: SampleSummary
  plexRequestsDuringHits: number
  pageSpeedup: number
  findSpeedup: number
}

const fetchFunction: FetchFunction = (url, init) => fetch(url, init)

/** What a user pays without the cache: every item of the library from Plex, nothing stored. */
async function measureFreshFetch(fake: FakeServerProcess, plan: Plan): Promise<number[]> {
  const client = new PlexClient({
    baseUrl: fake.url,
    token: fake.token,
    clientIdentifier: CLIENT_IDENTIFIER,
    fetch: fetchFunction,
  })
  return measureAsync({
    warmup: 1,
    iterations: plan.fetchRounds,
    run: () => client.items('1', { sectionType: 'movie' }),
    verify: (items) => assertBench(items.length === plan.items, `fresh fetch returned ${items.length} items`),
  })
}

async function measureService(
  core: Core,
  plan: Plan,
): Promise<Omit<ServiceBenchResult, 'items' | 'freshFetch'>> {
  const { service } = core
  const refreshSamples = await measureAsync({
    warmup: 0,
    iterations: plan.fetchRounds,
    run: () => service.refreshLibrary({ library: 'Movies', force: true }),
    verify: (outcome) =>
      assertBench(outcome.outcome === 'fetched', `refresh ${outcome.outcome}: ${outcome.error?.message}`),
  })
  const all = await service.getLibraryItems({ library: 'Movies', limit: 10_000 })
  const fileNames = all.items
    .filter((_, i) => i % 37 === 0)
    .map((item) => item.files[0]!.path.split('/').pop()!)
  const requestsBefore = service.stats().plexRequests
  const pageSamples = await measureAsync<ItemsResult>({
    warmup: 10,
    iterations: plan.pageRounds,
    run: (round) =>
      service.getLibraryItems({
        library: 'Movies',
        offset: (round * 7919) % (plan.items - PAGE_LIMIT),
        limit: PAGE_LIMIT,
      }),
    verify: (page) =>
      assertBench(page.source === 'cache' && page.items.length === PAGE_LIMIT, `page from ${page.source}`),
  })
  const findSamples = await measureAsync<FileMatchRow[]>({
    warmup: 10,
    iterations: plan.findRounds,
    run: (round) => service.findByFile({ nameOrPath: fileNames[round % fileNames.length]! }),
    verify: (matches) => assertBench(matches.length >= 1, 'findByFile found nothing for a cached file'),
  })
  return {
    serviceRefresh: summarize(refreshSamples),
    cachedPage: summarize(pageSamples),
    findByFile: summarize(findSamples),
    plexRequestsDuringHits: service.stats().plexRequests - requestsBefore,
    pageSpeedup: 0,
    findSpeedup: 0,
  }
}

function render(result: ServiceBenchResult): string[] {
  const row = (name: string, s: SampleSummary, speedup?: number) => [
    name,
    String(s.samples),
    formatMs(s.medianMs),
    formatMs(s.p90Ms),
    speedup === undefined ? '' : `${Math.round(speedup).toLocaleString('en-US')}x`,
  ]
  return [
    `CacheService over a ${result.items.toLocaleString('en-US')}-movie library; the fake Plex server runs in another process on loopback.`,
    '',
    ...renderTable(
      [
        { header: 'operation' },
        { header: 'runs', align: 'right' },
        { header: 'median ms', align: 'right' },
        { header: 'p90 ms', align: 'right' },
        { header: 'faster than a fresh fetch', align: 'right' },
      ],
      [
        row('fresh fetch from Plex, no cache (PlexClient.items)', result.freshFetch),
        row('refreshLibrary(force): fetch + store', result.serviceRefresh),
        row(`getLibraryItems, cache hit, page of ${PAGE_LIMIT}`, result.cachedPage, result.pageSpeedup),
        row('findByFile (file name)', result.findByFile, result.findSpeedup),
      ],
    ),
    '',
    `Plex requests made during the cache-hit runs: ${result.plexRequestsDuringHits} (must be 0).`,
    'Ratios: median fresh fetch / median operation. Pages start at spread-out offsets; findByFile looks up',
    'a different cached file each run. The fresh-fetch figure is what every listing costs a user without the cache.',
    `Target: each cached operation >= ${TARGET_SPEEDUP}x faster than a fresh fetch.`,
  ]
}

async function run({ quick, log }: BenchRunOptions): Promise<BenchPartResult> {
  const plan = quick ? QUICK : FULL
  log(`service: starting the fake server with ${plan.items} movies`)
  const fake = await startFakeProcess(plan.items)
  const dataDir = mkdtempSync(join(tmpdir(), 'plex-cache-service-bench-'))
  let core: Core | undefined
  try {
    log('service: fresh fetches without the cache')
    const freshFetch = summarize(await measureFreshFetch(fake, plan))
    core = createCore({
      dataDir,
      fetch: fetchFunction,
      clientIdentifier: CLIENT_IDENTIFIER,
      settings: {
        ...DEFAULT_SETTINGS,
        serverUrl: fake.url,
        token: fake.token,
        keepWarm: false,
        sizeLimitBytes: 1024 ** 3,
      },
    })
    log('service: refreshes, cached pages and file lookups through the service')
    const measured = await measureService(core, plan)
    assertBench(
      measured.plexRequestsDuringHits === 0,
      `${measured.plexRequestsDuringHits} Plex requests during cache hits`,
    )
    const result: ServiceBenchResult = {
      items: plan.items,
      freshFetch,
      ...measured,
      pageSpeedup: freshFetch.medianMs / measured.cachedPage.medianMs,
      findSpeedup: freshFetch.medianMs / measured.findByFile.medianMs,
    }
    const missedTargets = [
      ['cached page', result.pageSpeedup],
      ['findByFile', result.findSpeedup],
    ]
      .filter(([, speedup]) => (speedup as number) < TARGET_SPEEDUP)
      .map(
        ([name, speedup]) =>
          `service: ${name} only ${Math.round(speedup as number)}x faster than a fresh fetch (< ${TARGET_SPEEDUP}x)`,
      )
    return { report: render(result), json: result, missedTargets }
  } finally {
    await core?.close()
    fake.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

export const serviceBenchPart: BenchPart = {
  name: 'service',
  title: 'Service: cache hits through CacheService vs a fresh fetch from the fake Plex server',
  run,
}
