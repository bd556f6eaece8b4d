/**
 * Who a read is for. Hits, misses, requests avoided and time saved count only reads made for a
 * consumer that would otherwise have asked Plex (the CLI, a script, a tool through the proxy);
 * the window's own browsing is inspection, counted apart. Per-consumer figures are kept as named
 * counters, so they are shared by every process and reset with the other statistics.
 */

/** The window's own browsing (Inspector pages, filters, finds): never a hit or a miss. */
export const INSPECTION_CONSUMER = 'inspection'

/** A reader that did not say who it reads for. */
export const UNNAMED_CONSUMER = 'unnamed'

export const INSPECTION_READS_COUNTER = 'inspectionReads'

const CONSUMER_PREFIX = 'consumer/'
const MAX_CONSUMER_LENGTH = 64

export type ConsumerFigure =
  | 'hits'
  | 'misses'
  | 'requestsAvoided'
  | 'timeSavedMs'
  /** Answers from an expired copy (Plex down, or revalidating behind the answer). */
  | 'stale'
  /** Proxy requests the cache does not answer, sent on to Plex as they came. */
  | 'passedThrough'
  | 'bytesServed'

export type ConsumerFigures = Record<ConsumerFigure, number>

const FIGURES: readonly ConsumerFigure[] = [
  'hits',
  'misses',
  'requestsAvoided',
  'timeSavedMs',
  'stale',
  'passedThrough',
  'bytesServed',
]

/**
 * A consumer's name as it is kept: trimmed, control characters dropped and at most 64 characters,
 * because later consumers name themselves (a proxy client's X-Plex-Product) and the name becomes a
 * counter's key and a row in the window.
 */
export function consumerName(name: string | undefined): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = (name ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim()
  return cleaned === '' ? UNNAMED_CONSUMER : cleaned.slice(0, MAX_CONSUMER_LENGTH)
}

export function consumerCounterName(consumer: string, figure: ConsumerFigure): string {
  return `${CONSUMER_PREFIX}${consumer}/${figure}`
}

/** The per-consumer figures held among the named counters, by consumer name. */
export function figuresByConsumer(counters: Record<string, number>): Record<string, ConsumerFigures> {
  const byConsumer: Record<string, ConsumerFigures> = {}
  for (const [name, value] of Object.entries(counters)) {
    if (!name.startsWith(CONSUMER_PREFIX)) continue
    // The figure is after the last slash: a consumer's own name may contain slashes.
    const slash = name.lastIndexOf('/')
    const figure = name.slice(slash + 1) as ConsumerFigure
    if (slash <= CONSUMER_PREFIX.length || !FIGURES.includes(figure)) continue
    const consumer = name.slice(CONSUMER_PREFIX.length, slash)
    const figures = (byConsumer[consumer] ??= Object.fromEntries(
      FIGURES.map((name) => [name, 0]),
    ) as ConsumerFigures)
    figures[figure] += value
  }
  return byConsumer
}
