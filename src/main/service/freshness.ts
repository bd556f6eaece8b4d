import { freshnessOf, type Freshness } from '../../shared/freshness'
import type { ServiceContext } from './service-context'

/** What freshness needs to know now. */
export type FreshnessDeps = Pick<ServiceContext, 'clock' | 'monitor' | 'settings'>

/**
 * freshnessOf with what the service knows now: the clock, whether Plex answered lately and the
 * stale-while-revalidate window. `offline` overrides the monitor when a caller learnt more (a
 * section list that just failed, or no server configured at all).
 */
export function freshnessNow(
  ctx: FreshnessDeps,
  expiresAt: number,
  offline = ctx.monitor.isOffline,
): Freshness {
  return freshnessOf({
    expiresAt,
    now: ctx.clock(),
    offline,
    staleWhileRevalidateMs: (ctx.settings().staleWhileRevalidateSeconds ?? 0) * 1000,
  })
}
