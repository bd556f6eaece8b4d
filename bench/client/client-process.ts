import { PlexClient } from '../../src/main/plex'

/**
 * One page size, in a fresh process so peak memory is this run's alone. Run with --expose-gc.
 * Round 0 is a cold run (JIT warming up); rounds after it are the warm samples the report uses.
 */
export interface ClientJob {
  url: string
  token: string
  pageSize: number
  rounds: number
  expectedItems: number
  /** The client's idle timeout; default 60 s, far beyond any page here unless the fake stalls it. */
  timeoutMs?: number
}

export interface ClientRound {
  wallMs: number
  cpuMs: number
  pages: number
  /** Pages that failed and were tried again (progress events carrying a retry). */
  retries: number
  /** Highest sampled heapUsed above the heap after a full GC before the round. */
  peakHeapGrowthBytes: number
  /** Heap still held after a full GC with the result alive: what the items themselves cost. */
  retainedHeapBytes: number
  extractedJsonBytes: number
}

export interface ClientProcessResult {
  rounds: ClientRound[]
  /** Peak RSS of the process over all rounds (getrusage maxRSS) above the RSS before the first. */
  peakRssGrowthBytes: number
}

const collectGarbage = (globalThis as { gc?: () => void }).gc
if (!collectGarbage) throw new Error('client-process.ts needs node --expose-gc')
const gc = collectGarbage

const job = JSON.parse(process.argv[2] ?? '{}') as ClientJob

async function round(client: PlexClient): Promise<ClientRound> {
  gc()
  const heapBefore = process.memoryUsage().heapUsed
  let peakHeap = heapBefore
  const sample = () => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)
  }
  // The interval catches moments between awaits (a body read, not yet parsed); onProgress catches each page's end.
  const sampler = setInterval(sample, 2)
  let pages = 0
  let retries = 0
  const cpuBefore = process.cpuUsage()
  const started = process.hrtime.bigint()
  const items = await client.items('1', {
    pageSize: job.pageSize,
    sectionType: 'movie',
    onProgress: (progress) => {
      if (progress.retry) retries++
      else pages++
      sample()
    },
  })
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6
  const cpu = process.cpuUsage(cpuBefore)
  clearInterval(sampler)
  sample()
  if (items.length !== job.expectedItems) {
    throw new Error(`bench sanity check failed: got ${items.length} items, expected ${job.expectedItems}`)
  }
  gc()
  const retainedHeapBytes = process.memoryUsage().heapUsed - heapBefore
  return {
    wallMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    pages,
    retries,
    peakHeapGrowthBytes: peakHeap - heapBefore,
    retainedHeapBytes,
    extractedJsonBytes: Buffer.byteLength(JSON.stringify(items)),
  }
}

const client = new PlexClient({
  baseUrl: job.url,
  token: job.token,
  clientIdentifier: 'plex-cache-bench',
  fetch: (url, init) => fetch(url, init),
  timeoutMs: job.timeoutMs ?? 60_000,
})
gc()
const rssBefore = process.memoryUsage.rss()
const rounds: ClientRound[] = []
for (let index = 0; index < job.rounds; index++) {
  rounds.push(await round(client))
}
const peakRssGrowthBytes = process.resourceUsage().maxRSS * 1024 - rssBefore
const result: ClientProcessResult = { rounds, peakRssGrowthBytes }
process.stdout.write(`${JSON.stringify(result)}\n`)
