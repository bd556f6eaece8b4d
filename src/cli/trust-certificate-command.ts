import { createInterface } from 'node:readline/promises'
import { removeTrustedCertificate, trustServerCertificate } from '../main/app/trust-certificate'
import { probeCertificate, type PresentedCertificate } from '../main/plex/certificate-probe'
import { CertificatePins, originOf } from '../main/settings/certificate-pins'
import type { CliCommand, GlobalOptions } from './args'
import { CliFailure, EXIT_FAILURE, EXIT_OK } from './failure'
import type { Output } from './output'
import { savedSettings } from './saved-settings'

type TrustCommand = Extract<CliCommand, { name: 'trust-certificate' }>

/** Asks one yes/no question on the terminal; injected so tests answer without a TTY. */
export type AskYesNo = (question: string) => Promise<boolean>

const PROBE_TIMEOUT_MS = 5_000

/**
 * `plex-cache trust-certificate [URL] [--fingerprint SHA256] [--remove]`: shows the certificate an
 * https server presents (names, SHA-256 fingerprint, end date) and pins it for that server only,
 * after a y/N on a terminal or with the fingerprint given (refused if the server presents another
 * one). The pin is stored in the data folder, where the desktop app reads it too.
 */
export async function runTrustCertificate(
  command: TrustCommand,
  options: GlobalOptions,
  output: Output,
  ask: AskYesNo | null = terminalQuestion(),
): Promise<number> {
  const url = command.url ?? options.server ?? savedSettings(options.dataDir).serverUrl
  if (url === undefined)
    throw new CliFailure('name the server: plex-cache trust-certificate https://HOST:PORT')
  let origin: string
  try {
    origin = originOf(url)
  } catch (error) {
    throw new CliFailure((error as Error).message)
  }
  const pins = new CertificatePins(options.dataDir)
  if (command.remove) {
    const removed = removeTrustedCertificate(pins, origin)
    if (options.json) output.json({ origin, removed })
    else
      output.out(
        removed
          ? `No longer trusting a certificate for ${origin}.`
          : `No certificate was trusted for ${origin}.`,
      )
    return EXIT_OK
  }
  const { hostname, port } = new URL(origin)
  const presented = await probeCertificate(
    hostname.replace(/^\[|\]$/g, ''),
    Number(port || 443),
    PROBE_TIMEOUT_MS,
  )
  if (!presented) throw new CliFailure(`could not read the certificate of ${origin}: no TLS answer.`)
  if (!options.json) describe(origin, presented, output)
  let confirmed = command.fingerprint
  if (confirmed === undefined) {
    if (ask === null) {
      throw new CliFailure(
        'not a terminal: check the fingerprint above, then pass it with --fingerprint to trust this certificate.',
      )
    }
    if (!(await ask(`Trust this certificate for ${origin}? [y/N] `))) {
      output.out('Nothing was trusted.')
      return EXIT_FAILURE
    }
    confirmed = presented.fingerprint256
  }
  const trusted = await trustServerCertificate(pins, origin, confirmed)
  if (options.json) output.json(trusted)
  else
    output.out(
      `Trusted this certificate for ${trusted.origin}; the app and the CLI now accept it there, and only it.`,
    )
  return EXIT_OK
}

function describe(origin: string, presented: PresentedCertificate, output: Output): void {
  output.out(`${origin} presents this certificate:`)
  output.out(`  names:       ${presented.names.join(', ') || '(none)'}`)
  output.out(`  SHA-256:     ${presented.fingerprint256}`)
  output.out(`  valid until: ${presented.validTo}`)
  if (presented.selfSigned) output.out('  self-signed: yes')
}

function terminalQuestion(): AskYesNo | null {
  if (!process.stdin.isTTY) return null
  return async (question) => {
    const terminal = createInterface({ input: process.stdin, output: process.stderr })
    try {
      return /^y(es)?$/i.test((await terminal.question(question)).trim())
    } finally {
      terminal.close()
    }
  }
}
