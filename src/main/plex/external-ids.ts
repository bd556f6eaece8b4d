import type { ExternalIds } from '../../shared/plex-data'
import { asArray, asObject, toText } from './coerce'

/** The agents whose ids the cache keeps: the ones tools match libraries by (Radarr, Sonarr, Trakt…). */
const KEPT_AGENTS = ['imdb', 'tmdb', 'tvdb'] as const

/** Real ids are a few characters ("tt0133093", "603"); anything longer is not one and is dropped. */
const MAX_ID_LENGTH = 64

/**
 * An item's external ids from its `Guid` children (`imdb://tt0133093`, `tmdb://603`, `tvdb://81189`),
 * which Plex sends only when asked with `includeGuids=1`. Undefined when there are none, so items
 * without ids store nothing extra. The first id of each agent wins: Plex lists one per agent.
 */
export function extractExternalIds(guids: unknown): ExternalIds | undefined {
  const ids: ExternalIds = {}
  let found = false
  for (const raw of asArray(guids)) {
    const id = toText(asObject(raw)?.id)
    const match = id === undefined ? null : /^([a-z]+):\/\/(.+)$/.exec(id)
    if (!match) continue
    const [, agent, value] = match
    const kept = KEPT_AGENTS.find((name) => name === agent)
    if (!kept || !value || value.length > MAX_ID_LENGTH || ids[kept] !== undefined) continue
    ids[kept] = value
    found = true
  }
  return found ? ids : undefined
}
