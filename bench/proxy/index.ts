import type { BenchPart, BenchPartResult, BenchRunOptions } from '../part'
import { formatMs, formatRatio, renderTable } from '../table'
import { measureListing, type ListingResults, type PageResults } from './listing'
import type { Timed } from './real-client'
import { mb, PAGE } from './requests'
import { measureStreamed, type StreamedResults } from './streamed'

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
    'Pages are read in order, as python-plexapi pages: "served before" after the proxy served the whole',
    'listing (rendered, from memory); "first read" from a proxy started afresh on the same cache file.',
    '',
    ...renderTable(
      [
        { header: 'measure' },
        { header: 'proxy', align: 'right' },
        { header: 'straight', align: 'right' },
        { header: 'ratio', align: 'right' },
      ],
      [
        pageRow(`page of ${PAGE}, served before (median of ${listing.page.proxy.samples})`, listing.page),
        pageRow(`page of ${PAGE}, first read since start`, listing.pageFirstRead),
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
    `Targets: page (both rows) <= ${TARGET.pageRatio}x straight and < ${TARGET.pageMs} ms; whole listing < ${TARGET.wholeListingMs} ms;`,
    `streamed peak RSS growth < ${mb(TARGET.streamedRssBytes)}; cold listing <= ${TARGET.coldRatio}x straight;`,
    'section.all(): ratio and upstream requests reported (0 on a warm cache).',
  ]
}

function pageRow(label: string, page: PageResults): string[] {
  return [
    label,
    `${formatMs(page.proxy.medianMs)} ms`,
    `${formatMs(page.direct.medianMs)} ms`,
    formatRatio(page.ratio),
  ]
}

function missedTargets(listing: ListingResults, streamed: StreamedResults): string[] {
  const missed: string[] = []
  for (const [which, page] of [
    ['served before', listing.page],
    ['first read', listing.pageFirstRead],
  ] as const) {
    if (page.ratio > TARGET.pageRatio)
      missed.push(`proxy: a cached page (${which}) took ${formatRatio(page.ratio)} the fake's time`)
    if (page.proxy.medianMs >= TARGET.pageMs)
      missed.push(`proxy: a cached page (${which}) took ${formatMs(page.proxy.medianMs)} ms`)
  }
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
