import type { ServiceErrorInfo } from '../shared/service-types'
import { CacheStorageError } from '../main/cache/storage-errors'
import { UsageError } from './args'

export const EXIT_OK = 0
export const EXIT_FAILURE = 1
export const EXIT_USAGE = 2

/** A failure the CLI itself decided on (e.g. "no cached item has this file"): exit 1 with its message. */
export class CliFailure extends Error {}

const CONFIGURE_HINT =
  'Connect the desktop app to your server, or pass --server URL and --token TOKEN (or set PLEX_URL and PLEX_TOKEN).'

/** What a person should check after each kind of failure, said on the same line. */
const HINTS: Partial<Record<ServiceErrorInfo['code'], string>> = {
  AUTH: 'The token comes from --token, PLEX_TOKEN or the one the desktop app saved.',
  UNREACHABLE:
    'Check the server address (--server, PLEX_URL or plex-cache settings) and that the server is running.',
  NOT_CONFIGURED: CONFIGURE_HINT,
  CERTIFICATE:
    "To trust this server's certificate after checking its fingerprint: plex-cache trust-certificate URL.",
}

/**
 * The service throws errors carrying `info: { code, message }`; recognised by shape rather than by
 * class so that the CLI keeps working if the error crosses a module or process boundary.
 */
export function serviceErrorInfo(error: unknown): ServiceErrorInfo | undefined {
  if (typeof error !== 'object' || error === null || !('info' in error)) return undefined
  const info = (error as { info: unknown }).info
  if (typeof info !== 'object' || info === null) return undefined
  const { code, message } = info as Partial<ServiceErrorInfo>
  return typeof code === 'string' && typeof message === 'string' ? { code, message } : undefined
}

export interface FailureReport {
  exitCode: number
  /** One line, without the program name. */
  reason: string
}

export function describeFailure(error: unknown): FailureReport {
  if (error instanceof UsageError) return { exitCode: EXIT_USAGE, reason: oneLine(error.message) }
  if (error instanceof CliFailure) return { exitCode: EXIT_FAILURE, reason: oneLine(error.message) }
  // Thrown while opening the cache, before the service exists to give it a code.
  if (error instanceof CacheStorageError) return { exitCode: EXIT_FAILURE, reason: oneLine(error.message) }
  const info = serviceErrorInfo(error)
  if (info) {
    // Exit 2 only for the user's own arguments: a bad value the server sent is PROTOCOL, exit 1.
    const exitCode = info.code === 'INVALID_ARGUMENT' ? EXIT_USAGE : EXIT_FAILURE
    return { exitCode, reason: withHint(info) }
  }
  const message = error instanceof Error ? error.message : String(error)
  return { exitCode: EXIT_FAILURE, reason: oneLine(`unexpected error: ${message}`) }
}

export function withHint(info: ServiceErrorInfo): string {
  const hint = HINTS[info.code]
  const message = oneLine(info.message)
  return hint && !message.includes(hint) ? `${message} ${hint}` : message
}

/** Scripts read the reason with `head -1`; a multi-line message would hide the rest. */
export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim()
}
