import { DEFAULT_PAGE_SIZE } from '../../src/main/plex'
import type { BenchRunOptions } from '../part'
import { formatMs, formatRatio, renderTable } from '../table'
import type { ClientRound } from './client-process'
import { runClientProcess, startFakeProcess, type FakeServerProcess } from './processes'

/** Issue 12 §5: every 20th page of a 100,000-item listing times out once, and the listing still completes. */
const STALL_EVERY = 20
/** The client's idle timeout in both runs: what each stalled page costs before it is asked again. */
const TIMEOUT_MS = 1000

export interface SlowListingResult {
  items: number
  pageSize: number
  timeoutMs: number
  plainWallMs: number
  stalledWallMs: number
  retries: number
  /** Stalled over plain wall time. */
  ratio: number
  /** Stalled wall time minus plain wall time minus the timeouts waited: what resuming itself cost. */
  overheadMs: number
}

async function control(fake: FakeServerProcess, body: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${fake.url}/__fake/control`, {
    method: 'POST',
    headers: { 'X-Plex-Token': fake.token, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`fake control ${String(body.action)} failed: ${await response.text()}`)
}

async function oneListing(fake: FakeServerProcess, items: number): Promise<ClientRound> {
  const run = await runClientProcess({
    url: fake.url,
    token: fake.token,
    pageSize: DEFAULT_PAGE_SIZE,
    rounds: 1,
    expectedItems: items,
    timeoutMs: TIMEOUT_MS,
  })
  const round = run.rounds[0]
  if (!round) throw new Error('the client process ran no round')
  return round
}

/**
 * The same listing twice from one fake in another process, each in a fresh client process (both
 * cold, so like for like): plain, then with every 20th page left unanswered once. The client
 * process checks it got every item, so a listing that lost or doubled one fails the bench.
 */
export async function runSlowListing({ quick, log }: BenchRunOptions): Promise<SlowListingResult> {
  const items = quick ? 10_000 : 100_000
  log(`client: slow listing, starting the fake server with ${items} movies`)
  const fake = await startFakeProcess(items)
  try {
    log('client: slow listing, plain')
    const plain = await oneListing(fake, items)
    await control(fake, { action: 'setStalledPages', every: STALL_EVERY, times: 1 })
    log(`client: slow listing, every ${STALL_EVERY}th page timing out once`)
    const stalled = await oneListing(fake, items)
    const waitedMs = stalled.retries * TIMEOUT_MS
    return {
      items,
      pageSize: DEFAULT_PAGE_SIZE,
      timeoutMs: TIMEOUT_MS,
      plainWallMs: plain.wallMs,
      stalledWallMs: stalled.wallMs,
      retries: stalled.retries,
      ratio: stalled.wallMs / plain.wallMs,
      overheadMs: stalled.wallMs - plain.wallMs - waitedMs,
    }
  } finally {
    fake.stop()
  }
}

export function renderSlowListing(result: SlowListingResult, plainItemsPerSecond: number): string[] {
  const rate = (wallMs: number) => Math.round((result.items / wallMs) * 1000).toLocaleString('en-US')
  return [
    `Slow server: ${result.items.toLocaleString('en-US')} movies at page size ${result.pageSize}, every ${STALL_EVERY}th page left unanswered once (idle timeout ${result.timeoutMs} ms).`,
    '',
    ...renderTable(
      [
        { header: 'listing', align: 'left' },
        { header: 'wall ms', align: 'right' },
        { header: 'items/s', align: 'right' },
        { header: 'retries', align: 'right' },
      ],
      [
        ['plain', formatMs(result.plainWallMs), rate(result.plainWallMs), '0'],
        [
          'every 20th page times out once',
          formatMs(result.stalledWallMs),
          rate(result.stalledWallMs),
          String(result.retries),
        ],
      ],
    ),
    '',
    `Stalled / plain: ${formatRatio(result.ratio)}. Beyond the ${result.retries} timeouts waited (${formatMs(result.retries * result.timeoutMs)} ms), resuming cost ${formatMs(result.overheadMs)} ms (backoff and the page asked again).`,
    `Every item arrived (the client process checks the count). Plain client throughput above, same run: ${Math.round(plainItemsPerSecond).toLocaleString('en-US')} items/s at the default page size; the stalled listing ran at ${formatRatio(((result.items / result.stalledWallMs) * 1000) / plainItemsPerSecond)} of it.`,
  ]
}
