import type { TLSSocket } from 'node:tls'
import type { Agent, buildConnector } from 'undici'
import type { FetchFunction } from './types'

/** The pin for an https origin, or undefined; asked on every request, so new pins apply at once. */
export type PinLookup = (origin: string) => string | undefined

/**
 * Node's fetch with the user's pinned certificates (settings/certificate-pins.ts) applied: a
 * request to an https origin with a pin goes through an undici Agent that accepts exactly the
 * pinned certificate, by SHA-256 fingerprint, and nothing else; the check runs in the connector,
 * before any request (or token) is written. Every other request uses `fallback` unchanged.
 * Electron applies the same pins to net.fetch with setCertificateVerifyProc (certificate-trust.ts).
 */
export function pinnedFetch(pinFor: PinLookup, fallback: FetchFunction = globalThis.fetch): FetchFunction {
  const agents = new Map<string, Agent>()
  return async (url, init) => {
    const { protocol, origin } = new URL(url)
    const pin = protocol === 'https:' ? pinFor(origin) : undefined
    if (pin === undefined) return fallback(url, init)
    // Loaded only when a pin applies: undici takes ~150 ms to load, which would double the CLI's start-up.
    const undici = await import('undici')
    let agent = agents.get(pin)
    if (!agent) {
      agent = new undici.Agent({ connect: pinnedConnector(undici.buildConnector, pin) })
      agents.set(pin, agent)
    }
    const response = await undici.fetch(url, { ...(init as object), dispatcher: agent })
    return response as unknown as Response
  }
}

function pinnedConnector(build: typeof buildConnector, fingerprint256: string): buildConnector.connector {
  // Chain and name checks are off only because the fingerprint check below replaces them. No TLS
  // session resumption: a resumed session shows no peer certificate, so there is nothing to check.
  const connect = build({ rejectUnauthorized: false, maxCachedSessions: 0 })
  return (options, callback) =>
    connect(options, (error, socket) => {
      if (error !== null) return callback(error, null)
      const presented = (socket as TLSSocket).getPeerCertificate?.()?.fingerprint256
      if (presented !== fingerprint256) {
        socket.destroy()
        const mismatch = Object.assign(
          new Error('The server presented a certificate other than the one pinned for it.'),
          { code: 'PLEX_CACHE_PIN_MISMATCH' },
        )
        return callback(mismatch, null)
      }
      callback(null, socket)
    })
}
