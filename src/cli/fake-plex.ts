import { fileURLToPath } from 'node:url'

const FAKE_PLEX_CLI = fileURLToPath(new URL('../fake-plex/cli.ts', import.meta.url))

/**
 * `plex-cache fake-plex ...` is `npm run fake-plex -- ...`. The fake's own CLI runs in this process
 * rather than a child: stdio, exit code and Ctrl+C then behave exactly as when it is run directly,
 * with no second SIGINT (terminal plus forwarder) cutting its clean shutdown short.
 */
export async function runFakePlex(args: readonly string[]): Promise<number> {
  // The fake's CLI reads its arguments from process.argv, as any script started by node does.
  process.argv = [process.argv[0] ?? process.execPath, FAKE_PLEX_CLI, ...args]
  await import(FAKE_PLEX_CLI)
  return typeof process.exitCode === 'number' ? process.exitCode : 0
}
