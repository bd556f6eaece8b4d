import type { FakePlexDatasetOptions } from '../../src/fake-plex'
import type { BenchPart, BenchPartResult, BenchRunOptions } from '../part'
import { formatMs, formatRatio, renderTable } from '../table'
import { runScaleProcess, startScaleFake } from './processes'
import type { LibraryReads, ScaleProcessResult } from './refresh-process'

/** Issue targets for the large run. */
const TARGET_REFRESH_MS = 15_000
const TARGET_MEMORY_BYTES = 400 * 1024 * 1024
/** A hit read on the large library may take at most this many times the small library's median (timer noise aside). */
const TARGET_READ_RATIO = 2
/** Below this, a median is timer and scheduler noise: comparing ratios of it says nothing. */
const NOISE_FLOOR_MS = 0.5

interface Scale {
  label: string
  dataset: FakePlexDatasetOptions
  expected: Record<string, number>
}

/** Movies plus a show library (shows × seasons × episodes); music and photos empty. */
function scale(label: string, movies: number, shows: number, seasons: number, episodes: number): Scale {
  return {
    label,
    dataset: { movies, shows, seasonsPerShow: seasons, episodesPerSeason: episodes, artists: 0, photos: 0 },
    expected: { Movies: movies, 'TV Shows': shows * seasons * episodes },
  }
}

const FULL = { large: scale('large', 100_000, 500, 10, 10), small: scale('small', 1_000, 10, 10, 10) }
const QUICK = { large: scale('large', 10_000, 50, 10, 10), small: scale('small', 1_000, 10, 10, 10) }

async function measureScale(s: Scale, readRounds: number, log: BenchRunOptions['log']) {
  log(`scale: starting the fake server (${s.label}: ${JSON.stringify(s.expected)})`)
  const fake = await startScaleFake(s.dataset)
  try {
    log(`scale: cold refreshAll of the ${s.label} server in a fresh process`)
    return await runScaleProcess({ url: fake.url, token: fake.token, expected: s.expected, readRounds })
  } finally {
    fake.stop()
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

function readRatios(large: LibraryReads, small: LibraryReads) {
  // Both floored at the noise floor: 0.05 ms against 0.02 ms is not a 2.5x slowdown.
  const ratio = (a: number, b: number) => Math.max(a, NOISE_FLOOR_MS) / Math.max(b, NOISE_FLOOR_MS)
  return {
    page: ratio(large.page.medianMs, small.page.medianMs),
    find: ratio(large.findByFile.medianMs, small.findByFile.medianMs),
  }
}

function render(large: ScaleProcessResult, small: ScaleProcessResult): string[] {
  const storeMs = (r: ScaleProcessResult) =>
    r.outcomes.map((o) => `${o.title} ${formatMs(o.ms - (r.fetchMs[o.title] ?? 0))}`).join(', ')
  const summaryRow = (label: string, r: ScaleProcessResult) => [
    label,
    r.items.toLocaleString('en-US'),
    formatMs(r.refreshWallMs),
    Math.round((r.items / r.refreshWallMs) * 1000).toLocaleString('en-US'),
    mb(r.peakRssGrowthBytes),
    mb(r.peakHeapGrowthBytes),
    mb(r.cacheFileBytes),
    mb(r.accountedBytes),
  ]
  const readRows = large.reads.map((l) => {
    const s = small.reads.find((r) => r.title === l.title)!
    const ratios = readRatios(l, s)
    return [
      l.title,
      `${l.items.toLocaleString('en-US')} / ${s.items.toLocaleString('en-US')}`,
      `${formatMs(l.page.medianMs)} / ${formatMs(s.page.medianMs)}`,
      formatRatio(ratios.page),
      `${formatMs(l.findByFile.medianMs)} / ${formatMs(s.findByFile.medianMs)}`,
      formatRatio(ratios.find),
    ]
  })
  return [
    'createCore + refreshAll(force) from a cold cache, each server size in a fresh process; the fake',
    'Plex server runs in another process on loopback.',
    '',
    ...renderTable(
      [
        { header: 'run' },
        { header: 'items', align: 'right' },
        { header: 'refresh ms', align: 'right' },
        { header: 'items/s', align: 'right' },
        { header: 'peak RSS +', align: 'right' },
        { header: 'peak heap +', align: 'right' },
        { header: 'cache file', align: 'right' },
        { header: 'accounted', align: 'right' },
      ],
      [summaryRow('large', large), summaryRow('small', small)],
    ),
    '',
    `Time spent storing (refresh minus fetch), large run: ${storeMs(large)} ms.`,
    '',
    `Hit reads after the refresh, large / small (median ms of ${large.reads[0]?.page.samples ?? 0} runs):`,
    ...renderTable(
      [
        { header: 'library' },
        { header: 'items', align: 'right' },
        { header: `page of 200`, align: 'right' },
        { header: 'ratio', align: 'right' },
        { header: 'findByFile', align: 'right' },
        { header: 'ratio', align: 'right' },
      ],
      readRows,
    ),
    '',
    'peak RSS +: getrusage high-water mark above the RSS once the core was open; peak heap +: highest',
    'sampled heapUsed above the post-GC heap before the refresh. cache file: the SQLite file and WAL',
    `after close. Ratios floor both medians at ${NOISE_FLOOR_MS} ms (below it is timer noise).`,
    `Targets: refresh < ${TARGET_REFRESH_MS / 1000} s; peak memory growth < ${mb(TARGET_MEMORY_BYTES)};`,
    `hit reads on the large libraries <= ${TARGET_READ_RATIO}x the small ones (indexed, not scanned).`,
  ]
}

function missedTargets(large: ScaleProcessResult, small: ScaleProcessResult): string[] {
  const missed: string[] = []
  if (large.refreshWallMs > TARGET_REFRESH_MS) {
    missed.push(`scale: cold refresh of ${large.items} items took ${formatMs(large.refreshWallMs)} ms`)
  }
  const peak = Math.max(large.peakRssGrowthBytes, large.peakHeapGrowthBytes)
  if (peak > TARGET_MEMORY_BYTES)
    missed.push(`scale: peak memory growth ${mb(peak)} > ${mb(TARGET_MEMORY_BYTES)}`)
  for (const l of large.reads) {
    const s = small.reads.find((r) => r.title === l.title)!
    const ratios = readRatios(l, s)
    if (ratios.page > TARGET_READ_RATIO)
      missed.push(`scale: ${l.title} page read ${formatRatio(ratios.page)} the small one`)
    if (ratios.find > TARGET_READ_RATIO)
      missed.push(`scale: ${l.title} findByFile ${formatRatio(ratios.find)} the small one`)
  }
  return missed
}

async function run({ quick, log }: BenchRunOptions): Promise<BenchPartResult> {
  const sizes = quick ? QUICK : FULL
  const readRounds = quick ? 30 : 200
  const small = await measureScale(sizes.small, readRounds, log)
  const large = await measureScale(sizes.large, readRounds, log)
  return {
    report: render(large, small),
    json: {
      large,
      small,
      targets: {
        refreshMs: TARGET_REFRESH_MS,
        memoryBytes: TARGET_MEMORY_BYTES,
        readRatio: TARGET_READ_RATIO,
      },
    },
    missedTargets: missedTargets(large, small),
  }
}

export const scaleBenchPart: BenchPart = {
  name: 'scale',
  title: 'Scale: a cold refresh of 150,000 items, its peak memory, the file size and hit reads afterwards',
  run,
}
