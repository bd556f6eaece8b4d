import type { ServerResponse } from 'node:http'
import { once } from 'node:events'
import { createGzip } from 'node:zlib'
import type { Writable } from 'node:stream'
import {
  jsonObject,
  toXmlFragment,
  xmlAttributes,
  type AttrValue,
  type Element,
} from '../../shared/plex-element'
import { PLEX_HEADERS } from './plex-responses'

const XML_PROLOG = '<?xml version="1.0" encoding="UTF-8"?>\n'
/** Items rendered per write: big enough to keep writes few, small enough to keep memory flat. */
const ITEMS_PER_WRITE = 500

export interface ContainerAnswer {
  attrs: Record<string, AttrValue>
  /** Batches of children, produced as they are read, so a 150,000-item listing is never whole in memory. */
  children: AsyncIterable<readonly Element[]>
  headers?: Record<string, string>
}

/**
 * Writes a MediaContainer as real Plex does, XML by default and JSON when asked, gzip when the
 * client accepts it; children are streamed, waiting for the socket to drain between batches.
 */
export async function sendContainer(
  res: ServerResponse,
  answer: ContainerAnswer,
  format: { json: boolean; gzip: boolean },
): Promise<void> {
  res.writeHead(200, {
    ...PLEX_HEADERS,
    ...answer.headers,
    'Content-Type': format.json ? 'application/json' : 'text/xml;charset=utf-8',
    ...(format.gzip && { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' }),
  })
  const sink: Writable = format.gzip ? createGzip() : res
  if (format.gzip) sink.pipe(res)
  const write = async (text: string): Promise<void> => {
    if (!sink.write(text)) await once(sink, 'drain')
  }
  let any = false
  for await (const batch of answer.children) {
    for (let at = 0; at < batch.length; at += ITEMS_PER_WRITE) {
      const slice = batch.slice(at, at + ITEMS_PER_WRITE)
      if (slice.length === 0) continue
      if (format.json) {
        const items = slice.map((child) => JSON.stringify(jsonObject(child))).join(',')
        // Plex's JSON groups children by kind: items under "Metadata", sections under "Directory".
        const key = JSON.stringify(slice[0]!.jsonKey ?? slice[0]!.tag)
        await write(any ? `,${items}` : `{"MediaContainer":${openJson(answer.attrs)}${key}:[${items}`)
      } else {
        const items = slice.map(toXmlFragment).join('')
        await write(any ? items : `${XML_PROLOG}<MediaContainer${xmlAttributes(answer.attrs)}>\n${items}`)
      }
      any = true
    }
  }
  if (format.json) {
    // An empty page leaves the child array out, as Plex does.
    await write(any ? ']}}' : JSON.stringify({ MediaContainer: withoutUndefined(answer.attrs) }))
  } else {
    await write(
      any ? '</MediaContainer>\n' : `${XML_PROLOG}<MediaContainer${xmlAttributes(answer.attrs)}/>\n`,
    )
  }
  sink.end()
  if (format.gzip) await once(res, 'finish')
}

/** The container's attributes as the start of a JSON object, ready for the item array. */
function openJson(attrs: Record<string, AttrValue>): string {
  const text = JSON.stringify(withoutUndefined(attrs))
  return text === '{}' ? '{' : `${text.slice(0, -1)},`
}

function withoutUndefined(attrs: Record<string, AttrValue>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(attrs).filter(([, value]) => value !== undefined))
}
