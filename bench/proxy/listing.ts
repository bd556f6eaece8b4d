import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { startFakePlex } from '../../src/fake-plex'
import type { BenchRunOptions } from '../part'
import { measureAsync } from '../service/measure'
import { assertBench, median, summarize, type SampleSummary } from '../stats'
import { startProxyProcess } from './processes'
import { measureRealClient, type RealClientResults } from './real-client'
import { ALL, getText, moviesOnly, PAGE, videoCount } from './requests'

export interface ListingSizes {
  listing: number
  pageRounds: number
  listingRounds: number
  coldRounds: number
}

export interface PageResults {
  proxy: SampleSummary
  direct: SampleSummary
  ratio: number
}

export interface ListingResults {
  items: number
  /** Pages of a listing the proxy had served before: rendered, in its memory. */
  page: PageResults
  /** The same pages from a proxy started afresh on the same cache file: read and rendered on first use. */
  pageFirstRead: PageResults
  whole: SampleSummary
  cold: { proxyMs: number; directMs: number; ratio: number; rounds: number }
  realClient: RealClientResults
}

export async function measureListing(
  items: number,
  sizes: ListingSizes,
  log: BenchRunOptions['log'],
): Promise<ListingResults> {
  log(`proxy: fake Plex with ${items} movies, proxy in its own process`)
  const fake = await startFakePlex({ dataset: moviesOnly(items) })
  const dataDir = mkdtempSync(join(tmpdir(), 'plex-cache-bench-proxy-'))
  let proxy = await startProxyProcess({ url: fake.url, token: fake.token, dataDir })
  try {
    log('proxy: cold listings (cache cleared each round) against the same listing straight from the fake')
    const coldProxy: number[] = []
    const coldDirect: number[] = []
    for (let round = 0; round < sizes.coldRounds; round++) {
      await proxy.command('clear')
      let started = performance.now()
      const through = await getText(`${proxy.url}${ALL}`, fake.token)
      coldProxy.push(performance.now() - started)
      started = performance.now()
      const straight = await getText(`${fake.url}${ALL}`, fake.token)
      coldDirect.push(performance.now() - started)
      assertBench(videoCount(through) === items && videoCount(straight) === items, 'cold listings are whole')
    }

    log(`proxy: the whole ${items}-item listing from a warm cache`)
    const whole = await measureAsync({
      warmup: 1,
      iterations: sizes.listingRounds,
      run: () => getText(`${proxy.url}${ALL}`, fake.token),
      verify: (xml) => assertBench(videoCount(xml) === items, 'whole listing'),
    })

    log(`proxy: pages of ${PAGE} (XML) of that listing, through the proxy and straight`)
    const pageOf = (base: string) =>
      measureAsync({
        warmup: 10,
        iterations: sizes.pageRounds,
        run: (round) =>
          getText(
            `${base}${ALL}?X-Plex-Container-Start=${(round * PAGE) % items}&X-Plex-Container-Size=${PAGE}`,
            fake.token,
          ),
        verify: (xml) => assertBench(videoCount(xml) === PAGE, 'a page of 100'),
      })
    const page = comparePages(summarize(await pageOf(proxy.url)), summarize(await pageOf(fake.url)))

    log('proxy: the same pages from a proxy started afresh on the same cache file (first reads)')
    await proxy.stop()
    proxy = await startProxyProcess({ url: fake.url, token: fake.token, dataDir })
    const pageFirstRead = comparePages(summarize(await pageOf(proxy.url)), page.direct)

    log("proxy: a real client's section.all() (@ctrl/plex, JSON), through the proxy and straight")
    const realClient = await measureRealClient(fake, proxy.url, items, sizes.listingRounds)

    return {
      items,
      page,
      pageFirstRead,
      whole: summarize(whole),
      cold: {
        proxyMs: median(coldProxy),
        directMs: median(coldDirect),
        ratio: median(coldProxy) / median(coldDirect),
        rounds: sizes.coldRounds,
      },
      realClient,
    }
  } finally {
    await proxy.stop()
    await fake.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

function comparePages(proxy: SampleSummary, direct: SampleSummary): PageResults {
  return { proxy, direct, ratio: proxy.medianMs / direct.medianMs }
}
