import { expect, type Locator, type Page } from '@playwright/test'

/** The two window sizes the app is held to: Electron's minimum (src/main/index.ts) and a usual one. */
export const WINDOW_SIZES = [
  { name: '720x480', width: 720, height: 480 },
  { name: '1100x720', width: 1100, height: 720 },
] as const

export type WindowSize = (typeof WINDOW_SIZES)[number]

/**
 * The page's window, as code inside page.evaluate sees it: the tests are type-checked without the
 * DOM library, and such code runs in the page, so it casts globalThis itself (nothing of this module
 * is there).
 */
export interface PageWindow {
  innerWidth: number
  innerHeight: number
  scrollX: number
  scrollTo(x: number, y: number): void
  document: { documentElement: { scrollWidth: number; scrollHeight: number } }
  getComputedStyle(element: unknown): { overflowX: string; overflowY: string; lineHeight: string }
}

/** The page itself never scrolls sideways. */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => {
    const view = globalThis as unknown as PageWindow
    return { scroll: view.document.documentElement.scrollWidth, inner: view.innerWidth }
  })
  expect(widths.scroll, 'the page is wider than the window').toBeLessThanOrEqual(widths.inner)
}

interface Placement {
  box: { left: number; top: number; right: number; bottom: number }
  viewport: { width: number; height: number }
  /** An ancestor that hides part of the element (overflow other than visible), if any. */
  clippedBy: string | null
}

async function placement(control: Locator): Promise<Placement> {
  return control.evaluate((element) => {
    const view = globalThis as unknown as PageWindow
    const rect = element.getBoundingClientRect()
    let clippedBy: string | null = null
    for (
      let parent = element.parentElement;
      parent !== null && clippedBy === null;
      parent = parent.parentElement
    ) {
      const style = view.getComputedStyle(parent)
      if (style.overflowX === 'visible' && style.overflowY === 'visible') continue
      const outer = parent.getBoundingClientRect()
      // Half a pixel of slack for subpixel layout.
      const inside =
        rect.left >= outer.left - 0.5 &&
        rect.right <= outer.right + 0.5 &&
        rect.top >= outer.top - 0.5 &&
        rect.bottom <= outer.bottom + 0.5
      if (!inside) clippedBy = `${parent.tagName.toLowerCase()}.${[...parent.classList].join('.')}`
    }
    return {
      box: { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom },
      viewport: { width: view.innerWidth, height: view.innerHeight },
      clippedBy,
    }
  })
}

/**
 * The control is wholly inside the window and not cut off by a scrolling or clipping ancestor.
 * With `scroll: true` it may first be scrolled to vertically (as a person would); sideways
 * scrolling never counts.
 */
export async function expectFullyVisible(
  control: Locator,
  what: string,
  { scroll = true }: { scroll?: boolean } = {},
): Promise<void> {
  await expect(control, `${what} is shown`).toBeVisible()
  if (scroll) {
    await control.evaluate((element) => element.scrollIntoView({ block: 'nearest', inline: 'nearest' }))
    // Scrolling must not have been sideways: the page has no sideways scroll to use.
    expect(
      await control.page().evaluate(() => (globalThis as unknown as PageWindow).scrollX),
      `${what} needed sideways scrolling`,
    ).toBe(0)
  }
  const { box, viewport, clippedBy } = await placement(control)
  expect(clippedBy, `${what} is cut off by ${clippedBy}`).toBeNull()
  // Half a pixel of slack for subpixel layout, as for the ancestors above.
  expect(box.left, `${what}: left edge`).toBeGreaterThanOrEqual(-0.5)
  expect(box.right, `${what}: right edge`).toBeLessThanOrEqual(viewport.width + 0.5)
  expect(box.top, `${what}: top edge`).toBeGreaterThanOrEqual(-0.5)
  expect(box.bottom, `${what}: bottom edge`).toBeLessThanOrEqual(viewport.height + 0.5)
}

/** Each matching element shows its whole text: nothing is cut off or ellipsised. */
export async function expectTextNotClipped(elements: Locator, what: string): Promise<void> {
  const clipped = await elements.evaluateAll((all) =>
    all
      .filter((element) => element.scrollWidth > element.clientWidth)
      .map(
        (element) => `${element.textContent ?? ''} (${element.clientWidth}px for ${element.scrollWidth}px)`,
      ),
  )
  expect(clipped, `${what} cut off`).toEqual([])
}

/**
 * Each matching cell would show `sample` whole: the sample is written in for a moment and taken out
 * again, to try widths the test's data does not reach (a 100,000-item library) in the same font.
 */
export async function expectRoomFor(cells: Locator, sample: string, what: string): Promise<void> {
  const clipped = await cells.evaluateAll(
    (all, text) =>
      all
        .map((cell) => {
          const before = [...cell.childNodes]
          cell.replaceChildren(text)
          const fits = cell.scrollWidth <= cell.clientWidth
          const widths = `${cell.clientWidth}px for ${cell.scrollWidth}px`
          cell.replaceChildren(...before)
          return fits ? null : widths
        })
        .filter((result) => result !== null),
    sample,
  )
  expect(clipped, `${what} has no room for "${sample}"`).toEqual([])
}

export async function scrollToTop(page: Page): Promise<void> {
  await page.evaluate(() => (globalThis as unknown as PageWindow).scrollTo(0, 0))
}
