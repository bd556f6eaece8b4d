import os from 'node:os'
import { isLoopbackHost } from './loopback'
import type { PlexClientOptions } from './types'

const PLATFORM_NAMES: Record<string, string> = { darwin: 'macOS', win32: 'Windows', linux: 'Linux' }

/**
 * The identity a Plex server shows under Settings > Devices. Sent on every request (facts §8); the
 * stable client identifier keeps the app one device rather than a new one per launch.
 */
export function plexHeaders(options: PlexClientOptions): Record<string, string> {
  // An empty token (an /identity probe of a connection not chosen yet) is not sent at all.
  return {
    ...(options.token === '' ? {} : { 'X-Plex-Token': options.token }),
    ...plexIdentityHeaders(options),
    ...(isOnThisComputer(options.baseUrl) && { 'Accept-Encoding': 'identity' }),
  }
}

/**
 * A server on this computer is asked for plain bodies: compressing and decompressing costs both
 * sides more time than the bytes save without a network between them (a 50,000-item listing from
 * the fake server: about 4.2 s with gzip, 2.3 s without).
 */
function isOnThisComputer(baseUrl: string): boolean {
  try {
    return isLoopbackHost(new URL(baseUrl).hostname)
  } catch {
    return false
  }
}

export type PlexIdentity = Pick<
  PlexClientOptions,
  'clientIdentifier' | 'product' | 'version' | 'platform' | 'deviceName'
>

/** The device's identity without any token: also what plex.tv is told when the app signs in. */
export function plexIdentityHeaders(options: PlexIdentity): Record<string, string> {
  return {
    Accept: 'application/json',
    'Accept-Encoding': 'gzip',
    'X-Plex-Client-Identifier': options.clientIdentifier,
    'X-Plex-Product': options.product ?? 'Plex Cache',
    'X-Plex-Version': options.version ?? '0.1.0',
    'X-Plex-Platform': options.platform ?? PLATFORM_NAMES[process.platform] ?? process.platform,
    'X-Plex-Device-Name': options.deviceName ?? os.hostname(),
  }
}
