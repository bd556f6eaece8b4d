import type { IncomingMessage } from 'node:http'

/**
 * The bridge answers its own pages only. A Host check stops DNS rebinding (a foreign site whose
 * name resolves to 127.0.0.1), and an Origin check stops other local pages from calling the core.
 */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`])
}

export function hostIsAllowed(request: IncomingMessage, hosts: Set<string>): boolean {
  return hosts.has((request.headers.host ?? '').toLowerCase())
}

/** For calls: browsers always send Origin on a POST, so a missing or foreign one is refused. */
export function originIsOwn(request: IncomingMessage): boolean {
  const origin = request.headers.origin
  return (
    origin !== undefined && origin.toLowerCase() === `http://${(request.headers.host ?? '').toLowerCase()}`
  )
}

/** For the event stream: a same-origin EventSource sends no Origin, but Sec-Fetch-Site says where it came from. */
export function isSameOriginRead(request: IncomingMessage): boolean {
  if (request.headers.origin !== undefined && !originIsOwn(request)) return false
  const site = request.headers['sec-fetch-site']
  return site === undefined || site === 'same-origin'
}

export class BodyTooLarge extends Error {}

/** Reads the whole body, refusing (without buffering further) one larger than maxBytes. */
export function readBody(request: IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((done, fail) => {
    const declared = Number(request.headers['content-length'] ?? 0)
    if (declared > maxBytes) return fail(new BodyTooLarge())
    const chunks: Buffer[] = []
    let size = 0
    request.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > maxBytes) {
        request.removeAllListeners('data')
        request.resume()
        return fail(new BodyTooLarge())
      }
      chunks.push(chunk)
    })
    request.on('end', () => done(Buffer.concat(chunks).toString('utf8')))
    request.on('error', fail)
  })
}
