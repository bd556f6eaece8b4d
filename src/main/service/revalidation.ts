import { freshnessOf } from '../../shared/freshness'
import type { Section } from '../plex'
import type { ServerRecord } from './plex-connection'
import type { ServiceContext } from './service-context'

/** The longest stale-while-revalidate window: an expired copy is not kept longer than this (core's stale retention). */
export const MAX_STALE_WHILE_REVALIDATE_SECONDS = 7 * 24 * 3600

/**
 * Stale-while-revalidate (RFC 5861, as requests-cache has it): true when an expired copy is recent
 * enough to be served at once while a revalidation runs behind it. Whether Plex answers does not
 * matter here; that is stale-if-error's business.
 */
export function inRevalidationWindow(
  ctx: Pick<ServiceContext, 'clock' | 'settings'>,
  expiresAt: number,
): boolean {
  const staleWhileRevalidateMs = (ctx.settings().staleWhileRevalidateSeconds ?? 0) * 1000
  return freshnessOf({ expiresAt, now: ctx.clock(), offline: false, staleWhileRevalidateMs }) === 'stale'
}

/**
 * A change-aware refresh nobody waits for. It joins one already under way for the library (the
 * loader coalesces), and its failure is dropped: the stale answer has been given, and a Plex that
 * cannot be reached shows in the connection status anyway.
 */
export function revalidateInBackground(
  ctx: Pick<ServiceContext, 'loader'>,
  server: ServerRecord,
  section: Section,
): void {
  ctx.loader.refresh(server, section, false).catch(() => undefined)
}
