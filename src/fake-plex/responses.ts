import { STATUS_CODES, type ServerResponse } from 'node:http'
import { promisify } from 'node:util'
import { gzip } from 'node:zlib'
import { faultyJsonBody, truncatedGzipBody, type BodyFaults } from './body-faults'
import { toJson, toXml, type Element } from './element'

const gzipAsync = promisify(gzip)

/** A response before it meets the wire: routes produce these, `send` encodes them. */
export interface Outgoing {
  status: number
  contentType: string
  body: string
  headers?: Record<string, string>
}

export const XML_TYPE = 'text/xml;charset=utf-8'
export const JSON_TYPE = 'application/json'
const HTML_TYPE = 'text/html'

/** Plex's bare HTML errors, e.g. the 91-byte 401 and the 85-byte 404. */
function htmlErrorBody(status: number): string {
  const reason = STATUS_CODES[status] ?? 'Error'
  return `<html><head><title>${reason}</title></head><body><h1>${status} ${reason}</h1></body></html>`
}

const MAINTENANCE_BODY =
  '<Response code="503" title="Maintenance" status="Plex Media Server is currently running database migrations."/>'

export function errorResponse(status: number): Outgoing {
  if (status === 503) return { status, contentType: XML_TYPE, body: MAINTENANCE_BODY }
  return { status, contentType: HTML_TYPE, body: htmlErrorBody(status) }
}

export function containerResponse(
  root: Element,
  wantsJson: boolean,
  headers: Record<string, string> = {},
): Outgoing {
  return wantsJson
    ? { status: 200, contentType: JSON_TYPE, body: toJson(root), headers }
    : { status: 200, contentType: XML_TYPE, body: toXml(root), headers }
}

// Real servers compress everything; the threshold keeps tiny bodies readable in logs [fake].
const GZIP_THRESHOLD_BYTES = 1024

export interface SendOptions {
  acceptsGzip: boolean
  headOnly: boolean
  /** Fault injection on the body (none for control routes and unparseable requests). */
  faults: BodyFaults
}

export async function send(res: ServerResponse, outgoing: Outgoing, options: SendOptions): Promise<void> {
  const { faults } = options
  let body: Buffer = Buffer.from(outgoing.body, 'utf8')
  if (outgoing.contentType === JSON_TYPE) body = faultyJsonBody(body, faults)
  const headers: Record<string, string> = {
    'X-Plex-Protocol': '1.0',
    'Cache-Control': 'no-cache',
    'Content-Type': outgoing.contentType,
    ...outgoing.headers,
  }
  // The faulty server compresses whether asked or not, as broken servers and proxies do.
  if (faults.truncatedGzip || (options.acceptsGzip && body.length > GZIP_THRESHOLD_BYTES)) {
    body = await gzipAsync(body)
    if (faults.truncatedGzip) body = truncatedGzipBody(body)
    headers['Content-Encoding'] = 'gzip'
    headers['Vary'] = 'Accept-Encoding'
  }
  headers['Content-Length'] = String(body.length)
  if (res.destroyed) return
  res.writeHead(outgoing.status, headers)
  res.end(options.headOnly ? undefined : body)
}
