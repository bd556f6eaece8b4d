/** Where the CLI writes; a test or another front end can pass its own streams. */
export interface OutputStreams {
  stdout: { write(text: string): unknown }
  stderr: { write(text: string): unknown; isTTY?: boolean; columns?: number }
}

const REDACTED = '<token>'

/**
 * Every line the CLI prints goes through here, so a token can never reach the terminal or a log,
 * whatever an error message or a server happens to echo back.
 */
export class Output {
  private readonly secrets: string[]

  constructor(
    private readonly streams: OutputStreams,
    secrets: ReadonlyArray<string | undefined> = [],
  ) {
    this.secrets = secrets.filter((secret): secret is string => secret !== undefined && secret !== '')
  }

  get stderrIsTTY(): boolean {
    return this.streams.stderr.isTTY === true
  }

  get stderrColumns(): number {
    // 0 when the terminal does not say (a pty under `script`, some CI runners).
    return this.streams.stderr.columns || 80
  }

  out(line: string): void {
    this.streams.stdout.write(`${this.redact(line)}\n`)
  }

  json(value: unknown): void {
    this.out(JSON.stringify(value, null, 2))
  }

  err(line: string): void {
    this.streams.stderr.write(`${this.redact(line)}\n`)
  }

  /** Raw stderr text, for the progress bar's carriage returns. */
  errRaw(text: string): void {
    this.streams.stderr.write(this.redact(text))
  }

  redact(text: string): string {
    let clean = text.replace(/(x-plex-token[=:]\s*)[^\s&"']+/gi, `$1${REDACTED}`)
    for (const secret of this.secrets) clean = clean.replace(standalone(secret), REDACTED)
    return clean
  }
}

/**
 * The secret where it stands on its own (in a URL, a header, quotes), not inside a longer word: a
 * short token such as "tok" must not turn every "token" in a message into "<token>en".
 */
function standalone(secret: string): RegExp {
  const escaped = secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(`(?<![A-Za-z0-9_-])${escaped}(?![A-Za-z0-9_-])`, 'g')
}
