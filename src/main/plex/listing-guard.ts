import { PlexProtocolError } from './errors'

/**
 * What one listing may cost, whatever the server announces. A server that keeps sending new items
 * with `totalSize: 1e9` once grew the CLI to 4.2 GB before it died; these stop it long before.
 */
export interface ListingLimits {
  /** Items one listing may hold even when the server announces more (a million-track music library fits). */
  maxItems: number
  /** Decoded response bytes over all pages of one listing. */
  maxBytes: number
  /** Wall time for the whole listing, retries and waits included. */
  maxMs: number
}

export const DEFAULT_LISTING_LIMITS: ListingLimits = {
  maxItems: 1_000_000,
  // One to three KB per item on real servers: most of a million items. Against the endless fake
  // (1.4 KB an item) 64 MB of pages left a peak RSS growth of about 110 MB.
  maxBytes: 2 * 1024 * 1024 * 1024,
  // A million items at a slow server's 500 items/s is 33 minutes.
  maxMs: 60 * 60_000,
}

/**
 * Slack around the announced total: items added or removed on the server while we page move it a
 * little, never by this much.
 */
export function totalMargin(total: number): number {
  return Math.max(100, Math.ceil(total * 0.05))
}

/**
 * Watches one listing page by page: the caps above, and totals that cannot be true (negative, far
 * below what was already sent, or jumping while paging). Every breach is a PlexProtocolError, so the
 * caller keeps its cached copy instead of storing a lie.
 */
export class ListingGuard {
  private readonly startedAt: number
  private bytes = 0
  private firstTotal: number | undefined
  private itemCap: number

  constructor(
    private readonly limits: ListingLimits,
    private readonly now: () => number,
  ) {
    this.startedAt = now()
    this.itemCap = limits.maxItems
  }

  /** Before each request and each wait: has the listing already taken too long? */
  checkTime(extraMs = 0): void {
    const elapsed = this.now() - this.startedAt + extraMs
    if (elapsed > this.limits.maxMs) {
      throw new PlexProtocolError(
        `Listing took longer than ${formatDuration(this.limits.maxMs)}; gave up so a slow or endless server cannot hold it for ever.`,
      )
    }
  }

  /**
   * After each page. `received` counts every entry the server sent so far, this page included;
   * `total` is what this page announced, when it announced anything.
   */
  checkPage(page: { total: number | undefined; received: number; bytes: number; offset: number }): void {
    const { total, received } = page
    if (total !== undefined) this.checkTotal(total, received, page.offset)
    this.bytes += page.bytes
    if (this.bytes > this.limits.maxBytes) {
      throw new PlexProtocolError(
        `The Plex server sent more than ${formatMegabytes(this.limits.maxBytes)} for one listing (${received} items so far); gave up.`,
      )
    }
    if (received > this.itemCap) {
      const announced = this.firstTotal === undefined ? '' : ` for a library it said holds ${this.firstTotal}`
      throw new PlexProtocolError(
        `The Plex server kept sending items (${received}, more than the cap of ${this.itemCap})${announced}; gave up.`,
      )
    }
  }

  private checkTotal(total: number, received: number, offset: number): void {
    if (!Number.isSafeInteger(total) || total < 0) {
      throw new PlexProtocolError(
        `The Plex server announced an impossible item count (${total}) at offset ${offset}.`,
      )
    }
    if (received > total + totalMargin(total)) {
      throw new PlexProtocolError(
        `The Plex server said the library holds ${total} items but had already sent ${received}; its answers contradict each other.`,
      )
    }
    if (this.firstTotal === undefined) {
      this.firstTotal = total
      this.itemCap = Math.min(this.limits.maxItems, total + totalMargin(total))
    } else if (Math.abs(total - this.firstTotal) > totalMargin(this.firstTotal)) {
      throw new PlexProtocolError(
        `The Plex server's item count changed from ${this.firstTotal} to ${total} while paging (at offset ${offset}); its answers contradict each other.`,
      )
    }
  }
}

function formatDuration(ms: number): string {
  if (ms >= 60_000) return `${Math.round(ms / 60_000)} min`
  return ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`
}

function formatMegabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`
}
