/**
 * A ref callback that moves keyboard focus to the first heading inside an element once it is
 * shown, so a screen reader announces where the user arrived. The heading becomes focusable by
 * script only (tabindex -1): it adds no tab stop.
 */
export function focusFirstHeading(container: HTMLElement | null): void {
  const heading = container?.querySelector<HTMLElement>('h1, h2')
  if (!heading) return
  if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1
  heading.focus()
}
