import { element, type Element } from '../element'
import { badRequest } from '../http-error'
import { itemElement } from '../item-element'
import type { ItemKind, ItemRecord, SectionRecord } from '../records'
import { SECTION_KINDS } from '../records'
import { readCount } from '../request'
import { containerResponse, type Outgoing } from '../responses'
import { sortItems, parseSort } from '../sorting'
import type { RouteContext } from './context'
import { hubElement } from './hub-element'
import { tagHubs } from './tag-hubs'

interface HubDefinition {
  type: string
  title: string
  kinds: readonly ItemKind[]
}

// One hub per metadata type, in the order a real server lists them; albums and photos share a hub.
const HUBS: readonly HubDefinition[] = [
  { type: 'movie', title: 'Movies', kinds: ['movie'] },
  { type: 'show', title: 'Shows', kinds: ['show'] },
  { type: 'season', title: 'Seasons', kinds: ['season'] },
  { type: 'episode', title: 'Episodes', kinds: ['episode'] },
  { type: 'artist', title: 'Artists', kinds: ['artist'] },
  { type: 'album', title: 'Albums', kinds: ['album'] },
  { type: 'track', title: 'Tracks', kinds: ['track'] },
  { type: 'photo', title: 'Photos', kinds: ['photoalbum', 'photo', 'clip'] },
]

const DEFAULT_HUB_LIMIT = 3
const BY_TITLE = parseSort('titleSort')

/** `GET /hubs/search?query=q[&sectionId=k][&limit=n]`: case-insensitive title substring, grouped by type. */
export function hubSearchRoute(context: RouteContext): Outgoing {
  const { library, request } = context
  const query = request.query.query
  if (query === undefined || query.trim() === '') throw badRequest('query is required')
  const sectionId = readCount(request.query.sectionId, 'sectionId')
  const limit = readCount(request.query.limit, 'limit') ?? DEFAULT_HUB_LIMIT
  const sections = library.sections.filter(
    (section) => sectionId === undefined || section.key === String(sectionId),
  )
  const needle = query.toLowerCase()
  const hubs: Element[] = []
  for (const hub of HUBS) {
    const searched = sections.filter((section) =>
      hub.kinds.some((kind) => SECTION_KINDS[section.type].includes(kind)),
    )
    if (searched.length === 0) continue
    const hits = searched.flatMap((section) =>
      hub.kinds.flatMap((kind) =>
        library.itemsOfKind(section.key, kind).filter((item) => matches(item, needle)),
      ),
    )
    hubs.push(itemHub(context, hub, rankHits(hits, needle), limit))
  }
  hubs.push(...tagHubs(sections, needle, limit, (text) => scoreText(scoreOf(text, needle))))
  return containerResponse(element('MediaContainer', { size: hubs.length }, hubs), request.wantsJson)
}

function matches(item: ItemRecord, needle: string): boolean {
  return item.title.toLowerCase().includes(needle)
}

function scoreOf(text: string, needle: string): number {
  const title = text.toLowerCase()
  if (title === needle) return 1
  return title.startsWith(needle) ? 0.9 : 0.5
}

/** Real servers send the score as a string with five decimals ("0.92000"), in JSON too. */
function scoreText(score: number): string {
  return score.toFixed(5)
}

function rankHits(hits: ItemRecord[], needle: string): ItemRecord[] {
  // Array.prototype.sort is stable, so equal scores keep their title order.
  return sortItems(hits, BY_TITLE).sort((a, b) => scoreOf(b.title, needle) - scoreOf(a.title, needle))
}

function itemHub(context: RouteContext, hub: HubDefinition, hits: ItemRecord[], limit: number): Element {
  const needle = (context.request.query.query ?? '').toLowerCase()
  const items = hits.slice(0, limit).map((item) => {
    const section: SectionRecord | undefined = context.library.section(item.sectionKey)
    const score = scoreText(scoreOf(item.title, needle))
    return itemElement(item, context.library, { includeGuids: false, section, score })
  })
  return hubElement(hub, 'shelf', items, hits.length)
}
