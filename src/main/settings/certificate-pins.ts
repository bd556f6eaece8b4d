import fs from 'node:fs'
import path from 'node:path'
import { writePrivateFile } from './private-files'

/** Beside settings.json in the data folder: the app and the CLI trust the same certificates. */
export const CERTIFICATE_PINS_FILE = 'trusted-certificates.json'

/** One server certificate the user saw and chose to trust, for one origin only. */
export interface CertificatePin {
  /** https://host:port (the port left out when it is 443, as URL.origin does). */
  origin: string
  /** SHA-256 of the certificate, colon-separated upper-case hex. */
  fingerprint256: string
  /** The names the certificate was for when it was trusted, to show in a list. */
  names: string[]
  /** ISO-8601. */
  trustedAt: string
}

/**
 * The certificates a user trusted, each pinned by fingerprint to one https origin. There is no
 * "accept any certificate" switch: a pin accepts exactly one certificate, at exactly one origin.
 * Read from the file on every lookup, so a pin added by the CLI applies to the running app at once
 * (the file is a few hundred bytes; a lookup happens once per connection).
 */
export class CertificatePins {
  private readonly file: string

  constructor(dataDir: string) {
    this.file = path.join(dataDir, CERTIFICATE_PINS_FILE)
  }

  list(): CertificatePin[] {
    let parsed: unknown
    try {
      parsed = JSON.parse(fs.readFileSync(this.file, 'utf8'))
    } catch {
      // Missing or unreadable: nothing is trusted, which is the safe reading.
      return []
    }
    const pins = (parsed as { pins?: unknown } | null)?.pins
    return Array.isArray(pins) ? pins.filter(isPin) : []
  }

  fingerprintFor(origin: string): string | undefined {
    const wanted = originOf(origin)
    return this.list().find((pin) => pin.origin === wanted)?.fingerprint256
  }

  /** For Electron's certificate check, which knows the host name but not the port. */
  fingerprintsForHost(hostname: string): string[] {
    return this.list()
      .filter((pin) => new URL(pin.origin).hostname === hostname)
      .map((pin) => pin.fingerprint256)
  }

  trust(origin: string, fingerprint256: string, names: readonly string[]): CertificatePin {
    const pin: CertificatePin = {
      origin: originOf(origin),
      fingerprint256: normalizeFingerprint(fingerprint256),
      names: [...names],
      trustedAt: new Date().toISOString(),
    }
    this.save([...this.list().filter((existing) => existing.origin !== pin.origin), pin])
    return pin
  }

  /** Whether a pin was there to remove. */
  remove(origin: string): boolean {
    const wanted = originOf(origin)
    const pins = this.list()
    const kept = pins.filter((pin) => pin.origin !== wanted)
    if (kept.length === pins.length) return false
    this.save(kept)
    return true
  }

  private save(pins: CertificatePin[]): void {
    writePrivateFile(this.file, `${JSON.stringify({ version: 1, pins }, null, 2)}\n`)
  }
}

/** The https origin of a server address; a pin never applies to plain http. */
export function originOf(url: string): string {
  const parsed = new URL(url)
  if (parsed.protocol !== 'https:') {
    throw new RangeError('Only an https:// server address has a certificate to trust.')
  }
  return parsed.origin
}

/**
 * Accepts a SHA-256 fingerprint as people copy it: with or without colons, either case, with an
 * optional "sha256:" prefix. Returns the colon-separated upper-case form node:tls prints.
 */
export function normalizeFingerprint(input: string): string {
  const hex = input
    .trim()
    .replace(/^sha-?256[:/ ]?/i, '')
    .replace(/[:\s]/g, '')
  if (!/^[0-9a-f]{64}$/i.test(hex)) {
    throw new RangeError('A SHA-256 fingerprint is 64 hexadecimal digits (colons optional).')
  }
  return hex.toUpperCase().replace(/(..)(?!$)/g, '$1:')
}

function isPin(value: unknown): value is CertificatePin {
  const pin = value as Partial<CertificatePin> | null
  return (
    typeof pin?.origin === 'string' &&
    typeof pin.fingerprint256 === 'string' &&
    Array.isArray(pin.names) &&
    typeof pin.trustedAt === 'string'
  )
}
