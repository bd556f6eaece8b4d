/**
 * A ref callback for a chart's frame. Recharts draws some layers through React portals into bare
 * SVG <g> elements; React listens for focus events on every portal container, and Chromium makes
 * an SVG element with focus listeners a tab stop, so each layer became an unnamed stop with no
 * visible ring. A tabindex of -1 takes them out of the tab order (the tooltips still follow the
 * pointer); the observer catches layers drawn later. Returns its cleanup (React 19 ref callbacks).
 */
export function keepChartOutOfTabOrder(frame: HTMLElement | null): (() => void) | undefined {
  if (frame === null) return undefined
  const untab = () => {
    for (const node of frame.querySelectorAll('svg, svg g')) {
      if (!node.hasAttribute('tabindex')) node.setAttribute('tabindex', '-1')
    }
  }
  untab()
  const observer = new MutationObserver(untab)
  observer.observe(frame, { childList: true, subtree: true })
  return () => observer.disconnect()
}
