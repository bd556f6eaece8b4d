import type { Section } from '../plex'
import type { ServerRecord } from './plex-connection'
import type { ServiceContext } from './service-context'

/** The server and section a read is about, and whether the section came from Plex just now. */
export interface Located {
  server: ServerRecord
  section: Section
  fromPlex: boolean
}

export type LocateDeps = Pick<ServiceContext, 'connection' | 'directory' | 'settings'>

/**
 * The server and section a LIBRARY argument names. Before anything is fetched, /identity is asked
 * (once per connection), so a URL that now leads to another server reads and writes that server's scope.
 * With stale-while-revalidate on, the cached section list answers without asking Plex, so a copy
 * in the window is served at once; whatever then asks Plex (the loader, a search) verifies first.
 */
export async function locateLibrary(deps: LocateDeps, library: string): Promise<Located> {
  const connection = deps.connection()
  const known = connection.knownServer()
  if (known && (deps.settings().staleWhileRevalidateSeconds ?? 0) > 0) {
    const section = deps.directory.cachedSection(known, library)
    if (section) return { server: known, section, fromPlex: false }
  }
  let server = await connection.server()
  if (connection.configured && !deps.directory.hasFresh(server)) server = await connection.verifiedServer()
  return { server, ...(await deps.directory.resolve(server, library)) }
}
