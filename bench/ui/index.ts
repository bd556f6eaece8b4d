import type { BrowserContext, Page } from '@playwright/test'
import type { BenchPart, BenchPartResult, BenchRunOptions } from '../part'
import { assertBench, summarize } from '../stats'
import {
  armFilterProbe,
  openInspectorOnLoad,
  scrollThrough,
  type FilterSample,
  type OpenTimes,
} from './probes'
import { renderUiReport, uiMissedTargets, type ScrollResult, type UiBenchResult } from './report'
import { buildRenderer, startUiBench } from './setup'

/** Must match FILTER_DEBOUNCE_MS in src/renderer/src/inspector/ItemBrowser.tsx (reported, not assumed). */
export const FILTER_DEBOUNCE_MS = 150
/** Must match ROW_HEIGHT in the renderer's VirtualGrid: used to size the "whole list" scroll. */
const ROW_HEIGHT = 36

interface Plan {
  items: number
  openRuns: number
  /** Typed one key at a time, then erased one Backspace at a time: every key is a sample. */
  words: string[]
  scrollFrames: number
}

const FULL: Plan = {
  items: 100_000,
  openRuns: 7,
  words: ['winter', 'shadow', 'archive', '2001'],
  scrollFrames: 240,
}
const QUICK: Plan = { items: 10_000, openRuns: 2, words: ['winter'], scrollFrames: 60 }

type PlaceholderQuery = { document: { querySelectorAll(selector: string): { length: number } } }
type Globals = { __uiBench?: OpenTimes; __uiFilter?: FilterSample[] }

/** Navigation → Inspector tab (clicked the moment it exists) → first rendered rows, in a fresh context. */
async function measureOpen(context: BrowserContext, url: string): Promise<{ page: Page; times: OpenTimes }> {
  const page = await context.newPage()
  // tsx compiles with esbuild's keepNames, which wraps inner functions in __name(); the page lacks it.
  await page.addInitScript({ content: 'globalThis.__name = (fn) => fn' })
  await page.addInitScript(openInspectorOnLoad)
  await page.goto(`${url}#inspector/1`)
  await page.waitForFunction(() => ((globalThis as Globals).__uiBench?.firstRowsFrameAt ?? -1) >= 0)
  const times = await page.evaluate(() => (globalThis as Globals).__uiBench!)
  return { page, times }
}

async function pressAndWait(page: Page, key: string, count: number): Promise<void> {
  await page.keyboard.press(key)
  await page.waitForFunction((n) => ((globalThis as Globals).__uiFilter?.[n - 1]?.doneAt ?? -1) >= 0, count, {
    timeout: 10_000,
  })
}

async function measureFilter(page: Page, words: readonly string[]): Promise<FilterSample[]> {
  await page.evaluate(armFilterProbe)
  await page.getByTestId('browser-filter').focus()
  let count = 0
  for (const word of words) {
    for (const char of word) await pressAndWait(page, char, ++count)
    for (let left = word.length; left > 0; left--) await pressAndWait(page, 'Backspace', ++count)
  }
  return page.evaluate(() => (globalThis as Globals).__uiFilter!)
}

async function measureScroll(page: Page, items: number, frames: number): Promise<ScrollResult[]> {
  const modes = [
    { name: 'steady, 24 px/frame (reading speed)', pxPerFrame: 24 },
    { name: 'fast, 360 px/frame (a hard fling)', pxPerFrame: 360 },
    { name: `whole list in ${frames} frames`, pxPerFrame: Math.ceil((items * ROW_HEIGHT) / frames) },
  ]
  const results: ScrollResult[] = []
  for (const mode of modes) {
    await page.getByTestId('item-grid').evaluate((element) => (element.scrollTop = 0))
    await page.waitForTimeout(300)
    const run = await page.evaluate(scrollThrough, { pxPerFrame: mode.pxPerFrame, frames })
    const settleStarted = Date.now()
    // The rows under the final position must fill in: placeholders gone. (A function, not a
    // string: the page's CSP forbids eval.)
    await page.waitForFunction(
      () =>
        (globalThis as unknown as PlaceholderQuery).document.querySelectorAll('.vgrid-placeholder').length ===
        0,
    )
    results.push({ mode: mode.name, ...run, fillAfterStopMs: Date.now() - settleStarted })
  }
  const lastRow = page.locator(`[data-testid="item-row"][data-index="${items - 1}"]`)
  assertBench((await lastRow.count()) === 1, 'the last row is not rendered after scrolling to the end')
  return results
}

async function run({ quick, log }: BenchRunOptions): Promise<BenchPartResult> {
  const plan = quick ? QUICK : FULL
  log('ui: building the renderer')
  await buildRenderer()
  log(`ui: fake Plex with ${plan.items} movies, the browser bridge, one refresh through the service`)
  const setup = await startUiBench(plan.items)
  try {
    const opens: OpenTimes[] = []
    let page: Page | undefined
    for (let round = 0; round < plan.openRuns; round++) {
      // A fresh context each time: nothing cached from the previous load.
      const context = await setup.browser.newContext({ viewport: { width: 1280, height: 900 } })
      const opened = await measureOpen(context, setup.bridge.url)
      opens.push(opened.times)
      if (round < plan.openRuns - 1) await context.close()
      else page = opened.page
    }
    assertBench(page !== undefined, 'no page left open')
    const total = await page.getByTestId('item-grid').getAttribute('data-total')
    assertBench(total === String(plan.items), `the grid shows ${total} items, not ${plan.items}`)
    log('ui: filter keystrokes')
    const filter = await measureFilter(page, plan.words)
    log('ui: scrolling')
    const scroll = await measureScroll(page, plan.items, plan.scrollFrames)
    const result: UiBenchResult = {
      items: plan.items,
      refreshMs: setup.refreshMs,
      debounceMs: FILTER_DEBOUNCE_MS,
      navigationToFirstRows: summarize(opens.map((times) => times.firstRowsAt)),
      navigationToFirstRowsFrame: summarize(opens.map((times) => times.firstRowsFrameAt)),
      tabClickToFirstRows: summarize(opens.map((times) => times.firstRowsAt - times.tabClickAt)),
      filterKeyToList: summarize(filter.map((sample) => sample.doneAt - sample.keyAt)),
      filterFiredToList: summarize(filter.map((sample) => sample.doneAt - sample.firedAt)),
      filterKeyToFired: summarize(filter.map((sample) => sample.firedAt - sample.keyAt)),
      scroll,
    }
    return { report: renderUiReport(result), json: result, missedTargets: uiMissedTargets(result) }
  } finally {
    await setup.close()
  }
}

export const uiBenchPart: BenchPart = {
  name: 'ui',
  title: 'UI: the Inspector item browser in Chromium through the browser bridge',
  run,
}
