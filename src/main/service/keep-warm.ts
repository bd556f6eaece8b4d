import type { Section } from '../plex'
import { sectionKeyOf, sectionsDocument } from './cache-keys'
import type { ServiceContext } from './service-context'

/**
 * One keep-warm tick: refresh (change-aware) the library of the current server that expires soonest,
 * if it expires within the lead time. While Plex is unreachable nothing is refreshed; /identity is
 * asked instead, so the connection status comes back online on its own.
 */
export async function keepOneLibraryWarm(ctx: ServiceContext, leadSeconds: number): Promise<void> {
  const settings = ctx.settings()
  const connection = ctx.connection()
  if (!settings.keepWarm || !connection.configured) return
  if (ctx.monitor.isOffline) {
    await connection.call((client, signal) => client.identity({ signal })).catch(() => undefined)
    return
  }
  const server = connection.knownServer()
  if (!server) return
  const leadMs = Math.min(leadSeconds, settings.libraryTtlSeconds / 5) * 1000
  const now = ctx.clock()
  const due = ctx.cache
    .listEntries()
    .filter((entry) => entry.namespace === 'library' && entry.expiresAt - now <= leadMs)
    .flatMap((entry) => {
      const key = sectionKeyOf(entry.library, server.machineIdentifier)
      return key === undefined ? [] : [{ key, expiresAt: entry.expiresAt }]
    })
    .sort((a, b) => a.expiresAt - b.expiresAt)[0]
  if (!due) return
  const sections = ctx.cache.getDocument<Section[]>(sectionsDocument(server.machineIdentifier), {
    allowStale: true,
  })
  const section = sections?.value.find((candidate) => candidate.key === due.key)
  if (section) await ctx.loader.refresh(server, section, false)
}
