import { freshnessOf, type Freshness } from '../../shared/freshness'
import type { ServiceContext } from './service-context'

/**
 * freshnessOf with what the service knows now: the clock, whether Plex answered lately and the
 * stale-while-revalidate window. `offline` overrides the monitor when a caller learnt more (a
 * section list that just failed, or no server configured at all).
 */
export function freshnessNow(
  ctx: ServiceContext,
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
