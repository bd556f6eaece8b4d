/**
 * `plex-cache fake-plex ...` is `npm run fake-plex -- ...`, run in this process rather than a child:
 * stdio, exit code and Ctrl+C then behave exactly as when it is run directly, with no second
 * SIGINT (terminal plus forwarder) cutting its clean shutdown short. Loaded only when asked for, so
 * the other commands do not pay for the fake server's code.
 */
export async function runFakePlex(args: readonly string[]): Promise<number> {
  const { runFakePlexCli } = await import('../fake-plex/run-cli')
  return runFakePlexCli(args)
}
