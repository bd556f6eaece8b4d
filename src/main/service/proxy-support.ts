import { consumerName, type StoredDocument } from '../cache'
import type { ServiceContext } from './service-context'
import { StoredCopyReads, type PageStamp, type PeekedPage } from './stored-copy-reads'
import type { ItemsQuery, ReadConsumer } from '../../shared/service-types'

/** The service's own guard: refused once it is closed, and any failure made a ServiceError. */
export interface ServiceGuards {
  guard<T>(work: () => Promise<T>): Promise<T>
  guardSync<T>(work: () => T): T
}

export type ProxySupportDeps = Pick<
  ServiceContext,
  'cache' | 'clock' | 'connection' | 'counters' | 'directory' | 'settings'
> & { guards: ServiceGuards }

/**
 * What the caching proxy (src/main/proxy) needs of the service beyond the reads every consumer
 * makes: the server it passes requests on to, the documents it keeps per client token, the stored
 * copies it renders listings from, and the figures of what it answered or passed on.
 */
export class ProxySupport {
  private readonly copies: StoredCopyReads

  constructor(private readonly deps: ProxySupportDeps) {
    this.copies = new StoredCopyReads(deps)
  }

  /** The service's clock (a test's manual one), so what the proxy keeps expires with the cache. */
  now(): number {
    return this.deps.clock()
  }

  /** Where the proxy sends what it passes through: the server chosen in Settings now. */
  upstreamUrl(): string | undefined {
    return this.deps.settings().serverUrl
  }

  /**
   * A small document the proxy keeps for the current server (a client token's sections, by the
   * token's hash), with the library TTL; an expired copy is returned too, marked stale.
   */
  document<T>(name: string): StoredDocument<T> | null {
    return this.deps.guards.guardSync(() =>
      this.deps.cache.getDocument<T>(this.documentKey(name), { allowStale: true }),
    )
  }

  keepDocument(name: string, value: unknown): void {
    this.deps.guards.guardSync(() => this.deps.cache.setDocument(this.documentKey(name), value))
  }

  forgetDocument(name: string): void {
    this.deps.guards.guardSync(() => this.deps.cache.deleteDocument(this.documentKey(name)))
  }

  /** The fresh stored copy of a library, for the proxy's rendered listings (StoredCopyReads.freshStamp). */
  freshLibraryStamp(library: string, known?: PageStamp): Promise<PageStamp | null> {
    return this.deps.guards.guard(() => this.copies.freshStamp(library, known))
  }

  /** A page of the stored copy `stamp` names, uncounted and never from Plex (StoredCopyReads.peek). */
  peekLibraryPage(query: ItemsQuery, stamp: PageStamp): PeekedPage | null {
    return this.deps.guards.guardSync(() => this.copies.peek(query, stamp))
  }

  /** Counts a read served from what was rendered from `stamp`'s copy, if it is still the fresh one. */
  countReusedLibraryPage(
    stamp: PageStamp,
    query: { offset: number; limit: number },
    by: ReadConsumer = {},
  ): boolean {
    return this.deps.guards.guardSync(() => this.copies.countReused(stamp, query, consumerName(by.consumer)))
  }

  /** A tool's section list answered without asking Plex: one request avoided. */
  countSectionListServed(consumer: string, bytes: number): void {
    this.deps.counters.servedFromCache(consumerName(consumer), { requestsAvoided: 1, bytes, timeSavedMs: 0 })
    this.deps.counters.markChanged()
  }

  /** A request a tool sent through the proxy that went on to Plex untouched, for its consumer's figures. */
  countPassedThrough(consumer: string, request: { method: string; path: string; answered: boolean }): void {
    this.deps.counters.passedThrough(consumerName(consumer), request, this.deps.clock())
    this.deps.counters.markChanged()
  }

  private documentKey(name: string): string {
    return `proxy:${this.deps.settings().serverUrl ?? ''}:${name}`
  }
}
