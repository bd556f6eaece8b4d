/** What a faulty server does to a response body on its way out (fault injection, see faults.ts). */
export interface BodyFaults {
  /** JSON cut in half. */
  malformedJson: boolean
  /** JSON sent whole with single quotes for double: complete, yet not JSON. */
  garbledJson: boolean
  /** JSON padded with whitespace to this many bytes; null is off. */
  oversizedBytes: number | null
  /** The gzip stream cut in half (every body is gzipped, whether the client asked for it or not). */
  truncatedGzip: boolean
}

export const NO_BODY_FAULTS: BodyFaults = {
  malformedJson: false,
  garbledJson: false,
  oversizedBytes: null,
  truncatedGzip: false,
}

const DOUBLE_QUOTE = 0x22
const SINGLE_QUOTE = 0x27

/** Applies the JSON faults; trailing whitespace keeps padded JSON valid, so only its size is wrong. */
export function faultyJsonBody(body: Buffer, faults: BodyFaults): Buffer {
  let result = body
  if (faults.malformedJson) result = result.subarray(0, Math.floor(result.length / 2))
  if (faults.garbledJson)
    result = Buffer.from(result.map((byte) => (byte === DOUBLE_QUOTE ? SINGLE_QUOTE : byte)))
  if (faults.oversizedBytes !== null && faults.oversizedBytes > result.length)
    result = Buffer.concat([result, Buffer.alloc(faults.oversizedBytes - result.length, ' ')])
  return result
}

/** Half a gzip stream: the HTTP response is complete, the compressed body is not. */
export function truncatedGzipBody(gzipped: Buffer): Buffer {
  return gzipped.subarray(0, Math.floor(gzipped.length / 2))
}
