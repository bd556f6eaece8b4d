import { element, type Element } from '../element'

/**
 * One `Hub` of a /hubs/search answer, item hub or tag hub alike: the matches it shows, how many
 * that is, and whether the server found more than it shows (`matched`, all the matches).
 */
export function hubElement(
  hub: { type: string; title: string },
  style: 'shelf' | 'list',
  shown: Element[],
  matched: number,
): Element {
  const attrs = {
    title: hub.title,
    type: hub.type,
    hubIdentifier: hub.type,
    context: '',
    size: shown.length,
    more: matched > shown.length,
    style,
  }
  return element('Hub', attrs, shown)
}
