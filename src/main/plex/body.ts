import { PlexProtocolError } from './errors'

/**
 * Default cap on one decoded response body. A listing page of the largest allowed size (10,000
 * items at a few KB each) stays well under it; anything beyond is not a Plex answer we can use,
 * and reading it whole could exhaust memory (a gzip body of a few KB can inflate to gigabytes).
 */
export const DEFAULT_MAX_RESPONSE_BYTES = 128 * 1024 * 1024

/**
 * Reads a response body as UTF-8 text, giving up with a PlexProtocolError once it passes
 * `maxBytes`. Counts decoded bytes (after gzip), so a small compressed body cannot inflate
 * past the cap; a Content-Length over the cap is refused before reading anything.
 */
export async function readBodyText(
  response: Response,
  maxBytes: number,
  what: string,
  /** Called on every chunk, so an idle timeout can tell a slow body from a stalled one. */
  onChunk: () => void = () => {},
): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN)
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined)
    throw tooLarge(what, maxBytes)
  }
  const body = response.body
  if (!body) return ''
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let length = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    onChunk()
    length += value.byteLength
    if (length > maxBytes) {
      await reader.cancel().catch(() => undefined)
      throw tooLarge(what, maxBytes)
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks, length).toString('utf8')
}

function tooLarge(what: string, maxBytes: number): PlexProtocolError {
  const megabytes = Math.round((maxBytes / (1024 * 1024)) * 10) / 10
  return new PlexProtocolError(
    `The Plex server's answer to ${what} was larger than ${megabytes} MB, far more than expected; it was not read.`,
  )
}
