import type { ServerResponse } from 'node:http'
import { once } from 'node:events'
import { constants, createGzip } from 'node:zlib'
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
/** Answers up to this size (a few pages of items) are sent whole, in one write with a Content-Length. */
const BUFFERED_BYTES = 256 * 1024

/** How a container's children are written in each wire format. */
export interface ChildFormat<T> {
  /** Plex's JSON groups children by kind: items under "Metadata", sections under "Directory". */
  jsonKey: string
  xml(child: T): string
  json(child: T): string
}

export interface ContainerAnswer<T = Element> {
  attrs: Record<string, AttrValue>
  /** Batches of children, produced as they are read, so a 150,000-item listing is never whole in memory. */
  children: AsyncIterable<readonly T[]>
  format: ChildFormat<T>
  headers?: Record<string, string>
}

/** Children given as element trees (the section list). */
export function elementFormat(jsonKey: string): ChildFormat<Element> {
  return { jsonKey, xml: toXmlFragment, json: (child) => JSON.stringify(jsonObject(child)) }
}

/** A whole answer, rendered, sent in one write. */
interface RenderedAnswer {
  body: Buffer
  headers: Record<string, string>
}

/**
 * Writes a MediaContainer as real Plex does, XML by default and JSON when asked, gzip when asked
 * for it (see compressesFor). An answer that is whole within BUFFERED_BYTES goes in one write with
 * its Content-Length; a longer one is streamed, waiting for the socket to drain between batches.
 * Resolves with the size of the answer before any compression.
 */
export async function sendContainer<T>(
  res: ServerResponse,
  answer: ContainerAnswer<T>,
  format: { json: boolean; gzip: boolean },
): Promise<number> {
  const headers = answerHeaders(answer, format.json)
  const pieces = renderedContainer(answer, format.json)[Symbol.asyncIterator]()
  let buffered = ''
  let next = await pieces.next()
  while (!next.done && buffered.length < BUFFERED_BYTES) {
    buffered += next.value
    next = await pieces.next()
  }
  if (next.done && !format.gzip) {
    const body = Buffer.from(buffered)
    sendRendered(res, { body, headers })
    return body.length
  }
  res.writeHead(200, {
    ...headers,
    ...(format.gzip && { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' }),
  })
  // The fastest level: most of gzip's saving on repetitive XML at a fraction of its default cost.
  const sink: Writable = format.gzip ? createGzip({ level: constants.Z_BEST_SPEED }) : res
  if (format.gzip) sink.pipe(res)
  let bytes = 0
  const write = async (text: string): Promise<void> => {
    bytes += Buffer.byteLength(text)
    if (!sink.write(text)) await once(sink, 'drain')
  }
  await write(buffered)
  for (; !next.done; next = await pieces.next()) await write(next.value)
  sink.end()
  if (format.gzip) await once(res, 'finish')
  return bytes
}

function sendRendered(res: ServerResponse, rendered: RenderedAnswer): void {
  res.writeHead(200, { ...rendered.headers, 'Content-Length': rendered.body.length })
  res.end(rendered.body)
}

function answerHeaders<T>(answer: ContainerAnswer<T>, json: boolean): Record<string, string> {
  return {
    ...PLEX_HEADERS,
    ...answer.headers,
    'Content-Type': json ? 'application/json' : 'text/xml;charset=utf-8',
  }
}

/** The container as text, a batch of items at a time, from its opening to its closing tag. */
async function* renderedContainer<T>(answer: ContainerAnswer<T>, json: boolean): AsyncIterable<string> {
  const { format } = answer
  let any = false
  for await (const batch of answer.children) {
    for (let at = 0; at < batch.length; at += ITEMS_PER_WRITE) {
      const slice = batch.slice(at, at + ITEMS_PER_WRITE)
      if (slice.length === 0) continue
      if (json) {
        const items = slice.map(format.json).join(',')
        yield any
          ? `,${items}`
          : `{"MediaContainer":${openJson(answer.attrs)}${JSON.stringify(format.jsonKey)}:[${items}`
      } else {
        const items = slice.map(format.xml).join('')
        yield any ? items : `${XML_PROLOG}<MediaContainer${xmlAttributes(answer.attrs)}>\n${items}`
      }
      any = true
    }
  }
  if (json) {
    // An empty page leaves the child array out, as Plex does.
    yield any ? ']}}' : JSON.stringify({ MediaContainer: withoutUndefined(answer.attrs) })
  } else {
    yield any ? '</MediaContainer>\n' : `${XML_PROLOG}<MediaContainer${xmlAttributes(answer.attrs)}/>\n`
  }
}

/** The container's attributes as the start of a JSON object, ready for the item array. */
function openJson(attrs: Record<string, AttrValue>): string {
  const text = JSON.stringify(withoutUndefined(attrs))
  return text === '{}' ? '{' : `${text.slice(0, -1)},`
}

function withoutUndefined(attrs: Record<string, AttrValue>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(attrs).filter(([, value]) => value !== undefined))
}
