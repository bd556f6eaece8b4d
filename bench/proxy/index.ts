import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { PlexServer } from '@ctrl/plex'
import { startFakePlex, type FakePlexServer } from '../../src/fake-plex'
import type { BenchPart, BenchPartResult, BenchRunOptions } from '../part'
import { measureAsync } from '../service/measure'
import { assertBench, median, summarize, type SampleSummary } from '../stats'
import { formatMs, formatRatio, renderTable } from '../table'
import { startProxyProcess, type Memory } from './processes'

/** Issue 14 §6. */
const TARGET = {
  pageRatio: 0.2,
  pageMs: 5,
  wholeListingMs: 1000,
  streamedRssBytes: 200 * 1024 * 1024,
  coldRatio: 1.2,
}

const SIZES = {
  full: { listing: 50_000, streamed: 150_000, pageRounds: 200, listingRounds: 5, coldRounds: 3 },
  quick: { listing: 5_000, streamed: 15_000, pageRounds: 30, listingRounds: 2, coldRounds: 1 },
}

const PAGE = 100
const moviesOnly = (movies: number) => ({ movies, shows: 0, artists: 0, photos: 0 })
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

/** GET with the token in a header, as tools send it; resolves with the whole body as text. */
async function getText(url: string, token: string, accept?: string): Promise<string> {
  const response = await fetch(url, { headers: { 'X-Plex-Token': token, ...(accept && { Accept: accept }) } })
  assertBench(response.ok, `${url} answered ${response.status}`)
  return response.text()
}

const videoCount = (xml: string) => xml.match(/<Video /g)?.length ?? 0

/** Item requests that reached the fake (a size=0 count and the section list are not). */
function upstreamItemRequests(fake: FakePlexServer): number {
  return fake.controls
    .requestLog()
    .filter((entry) => /\/all$/.test(entry.path) && entry.plexHeaders['X-Plex-Container-Size'] !== '0').length
}

interface ListingResults {
  items: number
  page: { proxy: SampleSummary; direct: SampleSummary; ratio: number }
  whole: SampleSummary
  cold: { proxyMs: number; directMs: number; ratio: number; rounds: number }
  realClient: RealClientResults
}

interface RealClientResults {
  direct: { sectionAll: Timed; query: Timed }
  proxy: { sectionAll: Timed; query: Timed }
  /** Item requests that reached the fake during the proxied runs (warm cache). */
  upstreamItemRequests: number
}

async function measureListing(items: number, sizes: typeof SIZES.full, log: BenchRunOptions['log']) {
  log(`proxy: fake Plex with ${items} movies, proxy in its own process`)
  const fake = await startFakePlex({ dataset: moviesOnly(items) })
  const dataDir = mkdtempSync(join(tmpdir(), 'plex-cache-bench-proxy-'))
  const proxy = await startProxyProcess({ url: fake.url, token: fake.token, dataDir })
  const all = '/library/sections/1/all'
  try {
    log('proxy: cold listings (cache cleared each round) against the same listing straight from the fake')
    const coldProxy: number[] = []
    const coldDirect: number[] = []
    for (let round = 0; round < sizes.coldRounds; round++) {
      await proxy.command('clear')
      let started = performance.now()
      const through = await getText(`${proxy.url}${all}`, fake.token)
      coldProxy.push(performance.now() - started)
      started = performance.now()
      const straight = await getText(`${fake.url}${all}`, fake.token)
      coldDirect.push(performance.now() - started)
      assertBench(videoCount(through) === items && videoCount(straight) === items, 'cold listings are whole')
    }

    log(`proxy: the whole ${items}-item listing from a warm cache`)
    const whole = await measureAsync({
      warmup: 1,
      iterations: sizes.listingRounds,
      run: () => getText(`${proxy.url}${all}`, fake.token),
      verify: (xml) => assertBench(videoCount(xml) === items, 'whole listing'),
    })

    log(`proxy: pages of ${PAGE} (XML), through the proxy and straight`)
    const pageUrl = (base: string, round: number) =>
      `${base}${all}?X-Plex-Container-Start=${(round * PAGE) % items}&X-Plex-Container-Size=${PAGE}`
    const pageOf = (base: string) =>
      measureAsync({
        warmup: 10,
        iterations: sizes.pageRounds,
        run: (round) => getText(pageUrl(base, round), fake.token),
        verify: (xml) => assertBench(videoCount(xml) === PAGE, 'a page of 100'),
      })
    const pageProxy = summarize(await pageOf(proxy.url))
    const pageDirect = summarize(await pageOf(fake.url))

    log("proxy: a real client's section.all() (@ctrl/plex, JSON), through the proxy and straight")
    const realClient = await measureRealClient(fake, proxy.url, items, sizes.listingRounds)

    const results: ListingResults = {
      items,
      page: { proxy: pageProxy, direct: pageDirect, ratio: pageProxy.medianMs / pageDirect.medianMs },
      whole: summarize(whole),
      cold: {
        proxyMs: median(coldProxy),
        directMs: median(coldDirect),
        ratio: median(coldProxy) / median(coldDirect),
        rounds: sizes.coldRounds,
      },
      realClient,
    }
    return results
  } finally {
    await proxy.stop()
    await fake.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

/** A median in ms, or why the client could not do it. */
type Timed = { ms: number } | { error: string }

async function timed(rounds: number, run: () => Promise<number>, expected: number): Promise<Timed> {
  try {
    const samples = await measureAsync({
      warmup: 1,
      iterations: rounds,
      run,
      verify: (count) => assertBench(count === expected, `${count} of ${expected} items`),
    })
    return { ms: median(samples) }
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) }
  }
}

/**
 * @ctrl/plex's section.all() both ways, and its raw query() of the same listing (the request and
 * the JSON parse without its item classes, which throw on a Media without a Part: real servers
 * send those and so does the fake, while the proxy leaves them out).
 */
async function measureRealClient(
  fake: FakePlexServer,
  proxyUrl: string,
  items: number,
  rounds: number,
): Promise<RealClientResults> {
  const connect = async (url: string) => {
    const server = new PlexServer(url, fake.token)
    await server.connect()
    return server
  }
  const sectionAll = async (url: string) => {
    const movies = await (await (await connect(url)).library()).section('Movies')
    return (await movies.all()).length
  }
  const rawQuery = async (url: string) => {
    const body = await (
      await connect(url)
    ).query<{ MediaContainer: { Metadata: unknown[] } }>('/library/sections/1/all')
    return body.MediaContainer.Metadata.length
  }
  const direct = {
    sectionAll: await timed(rounds, () => sectionAll(fake.url), items),
    query: await timed(rounds, () => rawQuery(fake.url), items),
  }
  fake.controls.clearRequestLog()
  const proxy = {
    sectionAll: await timed(rounds, () => sectionAll(proxyUrl), items),
    query: await timed(rounds, () => rawQuery(proxyUrl), items),
  }
  return { direct, proxy, upstreamItemRequests: upstreamItemRequests(fake) }
}

interface StreamedResults {
  items: number
  ms: number
  bytes: number
  startedRss: number
  peakRss: number
  growthBytes: number
}

/** Reads a body chunk by chunk, keeping none of it: the client side must not be what is measured. */
async function streamCount(url: string, token: string): Promise<{ bytes: number; items: number }> {
  const response = await fetch(url, { headers: { 'X-Plex-Token': token } })
  assertBench(response.ok && response.body, `${url} answered ${response.status}`)
  const decoder = new TextDecoder()
  let bytes = 0
  let items = 0
  let carry = ''
  for await (const chunk of response.body) {
    bytes += chunk.byteLength
    const text = carry + decoder.decode(chunk, { stream: true })
    items += videoCount(text)
    // A tag split across chunks is counted in the next one.
    carry = text.slice(-6)
    if (carry.includes('<Video ')) carry = ''
  }
  return { bytes, items }
}

async function measureStreamed(items: number, log: BenchRunOptions['log']): Promise<StreamedResults> {
  log(
    `proxy: fake Plex with ${items} movies; filling the cache in one process, streaming it from a fresh one`,
  )
  const fake = await startFakePlex({ dataset: moviesOnly(items) })
  const dataDir = mkdtempSync(join(tmpdir(), 'plex-cache-bench-proxy-'))
  try {
    const filler = await startProxyProcess({ url: fake.url, token: fake.token, dataDir })
    await filler.command('refresh')
    await filler.stop()
    // A fresh process: its RSS high-water mark is this listing's alone, not the refresh's.
    const proxy = await startProxyProcess({ url: fake.url, token: fake.token, dataDir })
    try {
      fake.controls.clearRequestLog()
      const started = performance.now()
      const streamed = await streamCount(`${proxy.url}/library/sections/1/all`, fake.token)
      const ms = performance.now() - started
      assertBench(streamed.items === items, `streamed ${streamed.items} of ${items} items`)
      assertBench(upstreamItemRequests(fake) === 0, 'the streamed listing came from the cache')
      const after = await proxy.command<Memory>('memory')
      return {
        items,
        ms,
        bytes: streamed.bytes,
        startedRss: proxy.started.rss,
        peakRss: after.maxRss,
        growthBytes: after.maxRss - proxy.started.rss,
      }
    } finally {
      await proxy.stop()
    }
  } finally {
    await fake.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

const shownMs = (outcome: Timed) => ('error' in outcome ? 'failed' : `${formatMs(outcome.ms)} ms`)

function clientRow(label: string, proxy: Timed, direct: Timed): string[] {
  const ratio = 'error' in proxy || 'error' in direct ? 'n/a' : formatRatio(proxy.ms / direct.ms)
  return [label, shownMs(proxy), shownMs(direct), ratio]
}

function render(listing: ListingResults, streamed: StreamedResults): string[] {
  const n = listing.items.toLocaleString('en-US')
  const real = listing.realClient
  return [
    'The proxy runs in its own process on a temp data folder; the fake Plex runs in the bench process;',
    'every request is a loopback HTTP request with the token in X-Plex-Token. XML unless said otherwise.',
    '',
    ...renderTable(
      [
        { header: 'measure' },
        { header: 'proxy', align: 'right' },
        { header: 'straight', align: 'right' },
        { header: 'ratio', align: 'right' },
      ],
      [
        [
          `page of ${PAGE}, warm (median of ${listing.page.proxy.samples})`,
          `${formatMs(listing.page.proxy.medianMs)} ms`,
          `${formatMs(listing.page.direct.medianMs)} ms`,
          formatRatio(listing.page.ratio),
        ],
        [`whole ${n}-item listing, warm (median)`, `${formatMs(listing.whole.medianMs)} ms`, '', ''],
        [
          `whole ${n}-item listing, cold (median of ${listing.cold.rounds})`,
          `${formatMs(listing.cold.proxyMs)} ms`,
          `${formatMs(listing.cold.directMs)} ms`,
          formatRatio(listing.cold.ratio),
        ],
        clientRow(
          `@ctrl/plex section.all() (JSON), ${n} items`,
          real.proxy.sectionAll,
          real.direct.sectionAll,
        ),
        clientRow(`@ctrl/plex query() of the same listing`, real.proxy.query, real.direct.query),
      ],
    ),
    ...[real.proxy.sectionAll, real.direct.sectionAll, real.proxy.query, real.direct.query].flatMap(
      (outcome, index) =>
        'error' in outcome
          ? [
              `${['section.all() through the proxy', 'section.all() straight', 'query() through the proxy', 'query() straight'][index]} failed: ${outcome.error}`,
            ]
          : [],
    ),
    `Upstream item requests during the proxied @ctrl/plex runs (warm cache): ${real.upstreamItemRequests}.`,
    '',
    `Streaming a ${streamed.items.toLocaleString('en-US')}-item listing from a warm cache: ${formatMs(streamed.ms)} ms, ` +
      `${mb(streamed.bytes)} sent; the proxy process's peak RSS ${mb(streamed.peakRss)}, ` +
      `${mb(streamed.growthBytes)} above its RSS after start-up.`,
    '',
    `Targets: page <= ${TARGET.pageRatio}x straight and < ${TARGET.pageMs} ms; whole listing < ${TARGET.wholeListingMs} ms;`,
    `streamed peak RSS growth < ${mb(TARGET.streamedRssBytes)}; cold listing <= ${TARGET.coldRatio}x straight;`,
    'section.all(): ratio and upstream requests reported (0 on a warm cache).',
  ]
}

function missedTargets(listing: ListingResults, streamed: StreamedResults): string[] {
  const missed: string[] = []
  if (listing.page.ratio > TARGET.pageRatio)
    missed.push(`proxy: a cached page took ${formatRatio(listing.page.ratio)} the fake's time`)
  if (listing.page.proxy.medianMs >= TARGET.pageMs)
    missed.push(`proxy: a cached page took ${formatMs(listing.page.proxy.medianMs)} ms`)
  if (listing.whole.medianMs >= TARGET.wholeListingMs)
    missed.push(`proxy: the whole listing took ${formatMs(listing.whole.medianMs)} ms`)
  if (streamed.growthBytes >= TARGET.streamedRssBytes)
    missed.push(`proxy: streaming grew the RSS by ${mb(streamed.growthBytes)}`)
  if (listing.cold.ratio > TARGET.coldRatio)
    missed.push(`proxy: a cold listing took ${formatRatio(listing.cold.ratio)} going straight`)
  const real = listing.realClient
  if ('error' in real.proxy.sectionAll)
    missed.push(`proxy: section.all() through the proxy failed (${real.proxy.sectionAll.error})`)
  if (real.upstreamItemRequests !== 0)
    missed.push(`proxy: a warm section.all() made ${real.upstreamItemRequests} upstream item requests`)
  return missed
}

async function run({ quick, log }: BenchRunOptions): Promise<BenchPartResult> {
  const sizes = quick ? SIZES.quick : SIZES.full
  const listing = await measureListing(sizes.listing, sizes, log)
  const streamed = await measureStreamed(sizes.streamed, log)
  return {
    report: render(listing, streamed),
    json: { listing, streamed, targets: TARGET },
    missedTargets: missedTargets(listing, streamed),
  }
}

export const proxyBenchPart: BenchPart = {
  name: 'proxy',
  title: 'Proxy: cached pages and listings served to Plex tools, streamed memory, cold misses, a real client',
  run,
}
