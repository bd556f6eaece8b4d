import { normaliseSearchKey, type PlexCache } from '../cache'
import type { Section } from '../plex'
import { sectionKeyOf, sectionsDocument } from './cache-keys'
import { allowsStaleServing, ServiceError, toServiceError } from './errors'
import type { ServiceEvents } from './events'
import { forgetGoneLibrary } from './gone-library'
import type { InFlight } from './in-flight'
import type { PlexConnection, ServerRecord } from './plex-connection'

export interface SectionList {
  sections: Section[]
  /** Fetched from Plex during this call (so its updatedAt values are current). */
  fromPlex: boolean
  /** Set when Plex failed and an expired list is being used instead. */
  error?: ServiceError
}

export interface DirectoryDeps {
  cache: PlexCache
  connection: () => PlexConnection
  inFlight: InFlight
  /** Told when a library gone from the server is dropped. */
  events: ServiceEvents
}

/** A server's section list, cached as a document with the library TTL, and LIBRARY-argument lookup. */
export class SectionDirectory {
  constructor(private readonly deps: DirectoryDeps) {}

  /**
   * The cached list when fresh, else Plex's; an expired copy when Plex cannot be asked. With
   * `forDisplay`, an expired copy also stands in when Plex refuses the token: the Libraries view
   * keeps showing what is cached, with its states, whatever the connection's trouble.
   */
  async list(
    server: ServerRecord,
    { forDisplay = false }: { forDisplay?: boolean } = {},
  ): Promise<SectionList> {
    const cached = this.deps.cache.getDocument<Section[]>(sectionsDocument(server.machineIdentifier), {
      allowStale: true,
    })
    if (cached && !cached.stale) return { sections: cached.value, fromPlex: false }
    try {
      return { sections: await this.fetch(server), fromPlex: true }
    } catch (error) {
      const failure = toServiceError(error)
      if (cached && (allowsStaleServing(failure) || (forDisplay && failure.code === 'AUTH')))
        return { sections: cached.value, fromPlex: false, error: failure }
      throw failure
    }
  }

  /** A LIBRARY argument looked up in the cached list, expired or not, without asking Plex. */
  cachedSection(server: ServerRecord, name: string): Section | undefined {
    const cached = this.deps.cache.getDocument<Section[]>(sectionsDocument(server.machineIdentifier), {
      allowStale: true,
    })
    return cached && typeof name === 'string' ? findSection(cached.value, name.trim()) : undefined
  }

  hasFresh(server: ServerRecord): boolean {
    return this.deps.cache.hasFreshDocument(sectionsDocument(server.machineIdentifier))
  }

  /** Asks Plex (coalesced), stores the list and forgets cached libraries the server no longer has. */
  fetch(server: ServerRecord): Promise<Section[]> {
    const connection = this.deps.connection()
    return this.deps.inFlight.run(`sections:${server.machineIdentifier}`, async () => {
      const verified = await connection.verifiedServer()
      if (verified.machineIdentifier !== server.machineIdentifier) {
        throw new ServiceError('INTERNAL', 'The Plex server at this address changed; try again.')
      }
      const sections = await connection.call((client, signal) => client.sections({ signal }))
      this.deps.cache.setDocument(sectionsDocument(server.machineIdentifier), sections)
      this.forgetRemoved(server, sections)
      return sections
    })
  }

  /** A LIBRARY argument: a section key, or a title in any case. */
  async resolve(server: ServerRecord, name: string): Promise<{ section: Section; fromPlex: boolean }> {
    const wanted = typeof name === 'string' ? name.trim() : ''
    if (wanted === '') throw new ServiceError('INVALID_ARGUMENT', 'Name a library by its key or its title.')
    const listed = await this.list(server)
    let found = findSection(listed.sections, wanted)
    let fromPlex = listed.fromPlex
    let sections = listed.sections
    if (!found && !listed.fromPlex && !listed.error && this.deps.connection().configured) {
      // The library may be newer than the cached list.
      sections = await this.fetch(server)
      found = findSection(sections, wanted)
      fromPlex = true
    }
    if (!found) {
      const known = sections.map((section) => `${section.key} "${section.title}"`).join(', ')
      throw new ServiceError(
        'NOT_FOUND',
        `There is no library "${wanted}" on this Plex server${known ? ` (libraries: ${known})` : ''}.`,
      )
    }
    return { section: found, fromPlex }
  }

  private forgetRemoved(server: ServerRecord, sections: readonly Section[]): void {
    const keys = new Set(sections.map((section) => section.key))
    // Expired copies too: kept for stale serving, they would otherwise outlive their library.
    for (const entry of this.deps.cache.listEntries({ allowStale: true })) {
      const sectionKey = sectionKeyOf(entry.library, server.machineIdentifier)
      if (entry.namespace === 'library' && sectionKey !== undefined && !keys.has(sectionKey)) {
        forgetGoneLibrary(this.deps, server, sectionKey)
      }
    }
  }
}

export function findSection(sections: readonly Section[], name: string): Section | undefined {
  const byKey = sections.find((section) => section.key === name)
  if (byKey) return byKey
  const folded = normaliseSearchKey(name)
  return sections.find((section) => normaliseSearchKey(section.title) === folded)
}
