import http from 'node:http'
import { gunzipSync } from 'node:zlib'
import type { FakePlexServer } from '../../../src/fake-plex'
import { fakePlex } from '../../support/fake-plex'

/** A fake on loopback, closed after the test. */
export const fake = fakePlex

export interface GetOptions {
  json?: boolean
  /** Override the token header; null sends none. */
  token?: string | null
  headers?: Record<string, string>
}

export function get(server: FakePlexServer, path: string, options: GetOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { ...options.headers }
  const token = options.token === undefined ? server.token : options.token
  if (token !== null) headers['X-Plex-Token'] = token
  if (options.json) headers.Accept = 'application/json'
  return fetch(`${server.url}${path}`, { headers })
}

export type JsonContainer = Record<string, unknown> & { Metadata?: JsonObject[] }
export type JsonObject = Record<string, unknown>

export async function getJson(
  server: FakePlexServer,
  path: string,
  options: GetOptions = {},
): Promise<JsonContainer> {
  const response = await get(server, path, { ...options, json: true })
  if (response.status !== 200) throw new Error(`${path}: ${response.status}`)
  assertJsonContentType(response)
  const body = (await response.json()) as { MediaContainer: JsonContainer }
  return body.MediaContainer
}

function assertJsonContentType(response: Response): void {
  if (response.headers.get('content-type') !== 'application/json') throw new Error('not JSON')
}

export async function getXml(
  server: FakePlexServer,
  path: string,
  options: GetOptions = {},
): Promise<XmlNode> {
  const response = await get(server, path, options)
  if (response.status !== 200) throw new Error(`${path}: ${response.status}`)
  return parseXml(await response.text())
}

export interface RawResponse {
  status: number
  headers: http.IncomingHttpHeaders
  body: Buffer
}

/** node:http, because fetch would hide Content-Encoding by decompressing on its own. */
export function rawGet(url: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers, agent: false }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      )
      response.on('error', reject)
    })
    request.on('error', reject)
  })
}

export function decodedBody(response: RawResponse): string {
  const gzipped = response.headers['content-encoding'] === 'gzip'
  return (gzipped ? gunzipSync(response.body) : response.body).toString('utf8')
}

export interface XmlNode {
  tag: string
  attrs: Record<string, string>
  children: XmlNode[]
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

function unescapeXml(text: string): string {
  return text.replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16))
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)))
    const value = ENTITIES[name]
    if (value === undefined) throw new Error(`unknown entity ${whole}`)
    return value
  })
}

/** A strict little parser for the fake's own output: elements and attributes, no text nodes. */
export function parseXml(text: string): XmlNode {
  const prolog = '<?xml version="1.0" encoding="UTF-8"?>\n'
  if (!text.startsWith(prolog)) throw new Error('missing XML prolog')
  const tokens = /<(\/?)([A-Za-z]+)((?:\s+[A-Za-z][A-Za-z0-9]*="[^"<]*")*)\s*(\/?)>|(\S)/g
  const root: XmlNode = { tag: '#document', attrs: {}, children: [] }
  const stack: XmlNode[] = [root]
  for (const match of text.slice(prolog.length).matchAll(tokens)) {
    const [, closing, tag = '', attrText = '', selfClosing, stray] = match
    if (stray !== undefined) throw new Error(`unexpected text near ${stray}`)
    const top = stack[stack.length - 1]!
    if (closing) {
      if (top.tag !== tag) throw new Error(`</${tag}> closes <${top.tag}>`)
      stack.pop()
      continue
    }
    const attrs: Record<string, string> = {}
    for (const [, name = '', value = ''] of attrText.matchAll(/([A-Za-z][A-Za-z0-9]*)="([^"]*)"/g)) {
      if (name in attrs) throw new Error(`duplicate attribute ${name}`)
      attrs[name] = unescapeXml(value)
    }
    const node: XmlNode = { tag, attrs, children: [] }
    top.children.push(node)
    if (!selfClosing) stack.push(node)
  }
  if (stack.length !== 1 || root.children.length !== 1) throw new Error('unbalanced XML')
  return root.children[0]!
}

export function childrenNamed(node: XmlNode, tag: string): XmlNode[] {
  return node.children.filter((child) => child.tag === tag)
}

export function pagingQuery(start: number, size: number): string {
  return `X-Plex-Container-Start=${start}&X-Plex-Container-Size=${size}`
}

/** The first item of a listing, as XML. */
export async function firstXml(server: FakePlexServer, path: string): Promise<XmlNode> {
  const item = (await getXml(server, path)).children[0]
  if (!item) throw new Error(`no item at ${path}`)
  return item
}

/** The first item of a listing, as JSON. */
export async function firstJson(server: FakePlexServer, path: string): Promise<JsonObject> {
  const item = (await getJson(server, path)).Metadata?.[0]
  if (!item) throw new Error(`no item at ${path}`)
  return item
}
