import { redactSecrets, redactSecretsDeep } from '../shared/redact'
import { jsonWithEscapedControls, terminalSafe } from './terminal-text'

/** Where the CLI writes; a test or another front end can pass its own streams. */
export interface OutputStreams {
  stdout: { write(text: string): unknown }
  stderr: { write(text: string): unknown; isTTY?: boolean; columns?: number }
}

/**
 * Every line the CLI prints goes through here, so a token can never reach the terminal or a log,
 * whatever an error message or a server happens to echo back, and text from the server cannot send
 * the terminal control sequences.
 */
export class Output {
  private readonly secrets: string[]

  constructor(
    private readonly streams: OutputStreams,
    secrets: ReadonlyArray<string | undefined> = [],
  ) {
    this.secrets = secrets.filter((secret): secret is string => secret !== undefined && secret !== '')
  }

  /** A secret learned after start-up (the token the app saved), kept out of every later line. */
  protect(secret: string | undefined): void {
    if (secret !== undefined && secret !== '' && !this.secrets.includes(secret)) this.secrets.push(secret)
  }

  get stderrIsTTY(): boolean {
    return this.streams.stderr.isTTY === true
  }

  get stderrColumns(): number {
    // 0 when the terminal does not say (a pty under `script`, some CI runners).
    return this.streams.stderr.columns || 80
  }

  out(line: string): void {
    this.streams.stdout.write(`${this.redact(terminalSafe(line))}\n`)
  }

  /**
   * Exact JSON: strings are redacted before serialising, so a token holding a quote cannot break
   * the syntax, and every control character leaves escaped.
   */
  json(value: unknown): void {
    const text = JSON.stringify(redactSecretsDeep(value, this.secrets), null, 2)
    this.streams.stdout.write(`${jsonWithEscapedControls(text)}\n`)
  }

  err(line: string): void {
    this.streams.stderr.write(`${this.redact(terminalSafe(line))}\n`)
  }

  /** Raw stderr text, for the progress bar's carriage returns; its caller makes labels terminal-safe. */
  errRaw(text: string): void {
    this.streams.stderr.write(this.redact(text))
  }

  redact(text: string): string {
    return redactSecrets(text, this.secrets)
  }
}
