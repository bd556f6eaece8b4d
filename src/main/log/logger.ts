import { redactSecrets } from '../../shared/redact'

/**
 * What core layers log through. Handed in like the clock (createCore's `logger`), never imported as
 * a singleton: the app and the browser bridge pass a file logger, the CLI and most tests pass none.
 */
export interface Logger {
  info(message: string): void
  warn(message: string): void
  error(message: string): void
}

export type LogLevel = keyof Logger

/** Where nothing is logged: the CLI (its start-up time is measured) and tests that do not look. */
export const silentLogger: Logger = {
  info: () => {},
  warn: () => {},
  error: () => {},
}

/**
 * Every line passes through the one redaction helper with the secrets as they are now (a token set
 * after start-up is known from then on), so no call site can forget: a request URL in an error, a
 * server's echoed header, a token pasted into a field all reach the file as "<redacted>".
 */
export function redactingLogger(sink: Logger, secrets: () => ReadonlyArray<string | undefined>): Logger {
  const write =
    (level: LogLevel) =>
    (message: string): void => {
      try {
        sink[level](redactSecrets(message, secrets()))
      } catch {
        // Logging is a side channel: a full disk or a closed file must never fail the work being logged.
      }
    }
  return { info: write('info'), warn: write('warn'), error: write('error') }
}

/** An error as one log line: its message, never a stack (a stack may hold a request URL with its query). */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code
    return typeof code === 'string' ? `${code}: ${error.message}` : error.message
  }
  return String(error)
}
