import { createHash } from 'node:crypto'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface ElectronMirror {
  /** Base URL for ELECTRON_MIRROR, ending in "/". */
  url: string
  /** Every path asked for, in order. */
  requests: string[]
  close(): Promise<void>
}

/**
 * A loopback stand-in for Electron's release server, laid out as @electron/get expects:
 * `v<version>/<zip>` and `v<version>/SHASUMS256.txt` (`<sha256> *<file name>` lines), so the
 * download, checksum and extraction a user's machine does run here unchanged.
 */
export async function startElectronMirror(
  version: string,
  zipName: string,
  zip: Buffer,
): Promise<ElectronMirror> {
  const sha256 = createHash('sha256').update(zip).digest('hex')
  const files = new Map<string, Buffer>([
    [`/v${version}/${zipName}`, zip],
    [`/v${version}/SHASUMS256.txt`, Buffer.from(`${sha256} *${zipName}\n`)],
  ])
  const requests: string[] = []
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://mirror').pathname
    requests.push(path)
    const body = files.get(path)
    if (body === undefined) {
      response.writeHead(404).end('not here')
      return
    }
    response.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': body.length })
    response.end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
