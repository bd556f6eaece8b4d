import { createHash } from 'node:crypto'
import type { Logger } from '../log'
import type { FetchFunction } from '../plex'
import type { CacheService } from '../service'

/** A section as the user's server listed it for one token: every attribute it sent, kept as sent. */
export type SectionDirectory = Record<string, unknown> & { key: string; type: string; title: string }

/** What one client token may see, learned from the server's `/library/sections` for that token. */
export interface TokenScope {
  /** The section list container's own attributes (identifier, mediaTagPrefix…). */
  container: Record<string, unknown>
  sections: SectionDirectory[]
}

export type ScopeAnswer =
  | {
      kind: 'allowed'
      scope: TokenScope
      /** 'cache' when the scope was known without asking Plex now, 'plex' when Plex was asked. */
      from: 'cache' | 'plex'
    }
  | { kind: 'rejected' }
  | { kind: 'unreachable' }

const CHECK_TIMEOUT_MS = 15_000

/**
 * Cached data goes only to tokens the user's server accepted, and only for the sections it showed
 * them. Tokens are kept by SHA-256 hash, never in clear; a token's scope lives as long as the
 * library TTL, in memory and in the cache file (so a restart while Plex is down keeps it).
 */
export class TokenAccess {
  private readonly inMemory = new Map<string, { scope: TokenScope; expiresAt: number }>()
  private readonly checking = new Map<string, Promise<ScopeAnswer>>()

  constructor(
    private readonly service: CacheService,
    private readonly fetch: FetchFunction,
    private readonly log: Logger,
  ) {}

  private clock(): number {
    return this.service.forProxy.now()
  }

  scopeOf(token: string, upstream: string): Promise<ScopeAnswer> {
    const hash = createHash('sha256').update(token).digest('hex')
    const memoryKey = `${upstream}\n${hash}`
    const remembered = this.inMemory.get(memoryKey)
    if (remembered && remembered.expiresAt > this.clock()) {
      return Promise.resolve({ kind: 'allowed', scope: remembered.scope, from: 'cache' })
    }
    // Many requests of one tool arrive together: one check answers them all.
    let pending = this.checking.get(memoryKey)
    if (!pending) {
      pending = this.check(token, hash, upstream, memoryKey).finally(() => this.checking.delete(memoryKey))
      this.checking.set(memoryKey, pending)
    }
    return pending
  }

  private async check(
    token: string,
    hash: string,
    upstream: string,
    memoryKey: string,
  ): Promise<ScopeAnswer> {
    const documentName = `token-sections:${hash}`
    const kept = this.service.forProxy.document<TokenScope>(documentName)
    if (kept && !kept.stale) {
      this.inMemory.set(memoryKey, { scope: kept.value, expiresAt: kept.expiresAt })
      return { kind: 'allowed', scope: kept.value, from: 'cache' }
    }
    let response: Response
    try {
      response = await this.fetch(`${upstream}/library/sections`, {
        headers: { 'X-Plex-Token': token, Accept: 'application/json' },
        redirect: 'manual',
        signal: AbortSignal.timeout(CHECK_TIMEOUT_MS),
      })
    } catch (error) {
      this.log.warn(`proxy: could not check a client's token with the server (${nameOf(error)})`)
      return kept ? { kind: 'allowed', scope: kept.value, from: 'plex' } : { kind: 'unreachable' }
    }
    if (response.status === 401 || response.status === 403) {
      await response.body?.cancel()
      this.inMemory.delete(memoryKey)
      this.service.forProxy.forgetDocument(documentName)
      return { kind: 'rejected' }
    }
    const scope = response.ok ? await readScope(response) : undefined
    if (!scope) {
      await response.body?.cancel().catch(() => undefined)
      // Maintenance, a proxy's error page, an unreadable answer: a token seen before keeps its sections.
      return kept ? { kind: 'allowed', scope: kept.value, from: 'plex' } : { kind: 'unreachable' }
    }
    this.service.forProxy.keepDocument(documentName, scope)
    const stored = this.service.forProxy.document<TokenScope>(documentName)
    this.inMemory.set(memoryKey, { scope, expiresAt: stored?.expiresAt ?? this.clock() })
    return { kind: 'allowed', scope, from: 'plex' }
  }
}

async function readScope(response: Response): Promise<TokenScope | undefined> {
  try {
    const body = (await response.json()) as { MediaContainer?: Record<string, unknown> }
    const { Directory, size: _size, ...container } = body.MediaContainer ?? {}
    if (!Array.isArray(Directory)) return { container, sections: [] }
    const sections = (Directory as Record<string, unknown>[])
      .filter((d) => d.key !== undefined && typeof d.type === 'string')
      .map((d) => ({ ...d, key: String(d.key), type: String(d.type), title: String(d.title ?? '') }))
    return { container, sections }
  } catch {
    return undefined
  }
}

function nameOf(error: unknown): string {
  return error instanceof Error ? error.name : 'error'
}
