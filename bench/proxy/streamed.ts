import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { startFakePlex } from '../../src/fake-plex'
import type { BenchRunOptions } from '../part'
import { assertBench } from '../stats'
import { startProxyProcess, type Memory } from './processes'
import { ALL, moviesOnly, upstreamItemRequests, videoCount } from './requests'

export interface StreamedResults {
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

export async function measureStreamed(items: number, log: BenchRunOptions['log']): Promise<StreamedResults> {
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
      const streamed = await streamCount(`${proxy.url}${ALL}`, fake.token)
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
