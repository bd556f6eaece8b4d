/**
 * Code that runs inside the page (Playwright serialises each function, so none may use imports or
 * outer variables). The bench is type-checked without DOM types: the little of the DOM the probes
 * use is typed here by hand.
 */

interface ElementLike {
  className: string
  scrollTop: number
  scrollHeight: number
  clientHeight: number
  parentElement: ElementLike | null
  click(): void
  getAttribute(name: string): string | null
  addEventListener(type: string, listener: (event: { key: string }) => void, capture?: boolean): void
}
interface MutationRecordLike {
  oldValue: string | null
}
interface Observer {
  observe(target: unknown, options?: Record<string, unknown>): void
  disconnect(): void
}
interface PageGlobals {
  document: {
    querySelector(selector: string): ElementLike | null
    querySelectorAll(selector: string): ArrayLike<unknown>
  }
  performance: { now(): number }
  MutationObserver: new (callback: (records: MutationRecordLike[]) => void) => Observer
  PerformanceObserver: new (callback: (list: { getEntries(): { duration: number }[] }) => void) => Observer
  requestAnimationFrame(callback: (time: number) => void): number
  setTimeout(callback: () => void, ms: number): number
  __uiBench?: OpenTimes
  __uiFilter?: FilterSample[]
}

/** Milliseconds since navigation start (performance.now()), -1 until it happened. */
export interface OpenTimes {
  tabClickAt: number
  firstRowsAt: number
  /** When the browser starts rendering the frame that shows the first rows (its rAF callbacks run). */
  firstRowsFrameAt: number
}

export interface FilterSample {
  key: string
  keyAt: number
  /** The debounce fired: the new query is asked for (the list is marked pending). */
  firedAt: number
  /** The answer is in the DOM (the pending mark is gone). */
  doneAt: number
}

export interface ScrollRun {
  frameDeltasMs: number[]
  longTasksMs: number[]
}

/** Init script: opens the Inspector tab the moment it exists and notes when the first item rows appear. */
export function openInspectorOnLoad(): void {
  const page = globalThis as unknown as PageGlobals
  const times: OpenTimes = { tabClickAt: -1, firstRowsAt: -1, firstRowsFrameAt: -1 }
  page.__uiBench = times
  const observer = new page.MutationObserver(() => {
    if (times.tabClickAt < 0) {
      const tab = page.document.querySelector('[data-testid="tab-inspector"]')
      if (tab === null) return
      times.tabClickAt = page.performance.now()
      tab.click()
    } else if (page.document.querySelector('[data-testid="item-row"]') !== null) {
      times.firstRowsAt = page.performance.now()
      observer.disconnect()
      page.requestAnimationFrame(() => (times.firstRowsFrameAt = page.performance.now()))
    }
  })
  observer.observe(page.document, { childList: true, subtree: true })
}

/** Records, for every key pressed in the filter box, when the query went out and when its rows were in. */
export function armFilterProbe(): void {
  const page = globalThis as unknown as PageGlobals
  const samples: FilterSample[] = []
  page.__uiFilter = samples
  const input = page.document.querySelector('[data-testid="browser-filter"]')
  const body = page.document.querySelector('[data-testid="item-grid"]')?.parentElement ?? null
  if (input === null || body === null) throw new Error('the item browser is not on screen')
  input.addEventListener(
    'keydown',
    (event) => samples.push({ key: event.key, keyAt: page.performance.now(), firedAt: -1, doneAt: -1 }),
    true,
  )
  new page.MutationObserver((records) => {
    const now = page.performance.now()
    const sample = samples[samples.length - 1]
    if (sample === undefined) return
    for (const record of records) {
      const wasPending = (record.oldValue ?? '').includes('browser-pending')
      if (!wasPending && sample.firedAt < 0) sample.firedAt = now
      else if (wasPending && sample.firedAt >= 0) sample.doneAt = now
    }
  }).observe(body, { attributes: true, attributeFilter: ['class'], attributeOldValue: true })
}

/**
 * Scrolls the item list by a fixed number of pixels every frame, as a script-driven fling would,
 * and records the time between frames and every long task (> 50 ms) meanwhile.
 */
export function scrollThrough({
  pxPerFrame,
  frames,
}: {
  pxPerFrame: number
  frames: number
}): Promise<ScrollRun> {
  const page = globalThis as unknown as PageGlobals
  const scroller = page.document.querySelector('[data-testid="item-grid"]')
  if (scroller === null) throw new Error('the item list is not on screen')
  const longTasksMs: number[] = []
  const observer = new page.PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasksMs.push(entry.duration)
  })
  observer.observe({ type: 'longtask' })
  const frameDeltasMs: number[] = []
  return new Promise((resolve) => {
    let previous = -1
    let done = 0
    const step = (time: number) => {
      if (previous >= 0) frameDeltasMs.push(time - previous)
      previous = time
      scroller.scrollTop += pxPerFrame
      const atEnd = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1
      if (++done < frames && !atEnd) {
        page.requestAnimationFrame(step)
        return
      }
      // Long tasks are reported a little after they end: give the observer a moment.
      page.setTimeout(() => {
        observer.disconnect()
        resolve({ frameDeltasMs, longTasksMs })
      }, 300)
    }
    page.requestAnimationFrame(step)
  })
}
