import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { serveStaticFile } from '../../../src/web-bridge/static-files'

// The plain built renderer, with no bridge: what a page sees when window.plexCache is absent.
// Loopback only; the file serving itself is shared with the browser bridge.

export interface StaticServer {
  url: string
  close(): Promise<void>
}

export async function startStaticServer(rootDir: string, port = 0): Promise<StaticServer> {
  const server = createServer((request, response) => serveStaticFile(rootDir, request, response))
  await listen(server, port)
  const { port: boundPort } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${boundPort}/`,
    close: () => new Promise((done, fail) => server.close((error) => (error ? fail(error) : done()))),
  }
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((done, fail) => {
    server.once('error', fail)
    server.listen(port, '127.0.0.1', () => done())
  })
}
