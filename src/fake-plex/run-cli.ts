import { CliUsageError, parseCliArgs, USAGE } from './cli-args'
import { startFakePlex } from './server'

/**
 * `npm run fake-plex -- --port 32400 --movies 1000` and `plex-cache fake-plex ...`: a fake PMS for
 * manual runs, demos and benchmarks. Runs until SIGINT or SIGTERM; returns the exit code.
 */
export async function runFakePlexCli(argv: readonly string[]): Promise<number> {
  let command
  try {
    command = parseCliArgs(argv)
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error
    process.stderr.write(`fake-plex: ${error.message}\n\n${USAGE}`)
    return 2
  }
  if (command.help) {
    process.stdout.write(USAGE)
    return 0
  }
  const { options } = command
  let server
  try {
    server = await startFakePlex(options)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EADDRINUSE') process.stderr.write(`fake-plex: port ${options.port} is already in use\n`)
    else process.stderr.write(`fake-plex: ${error instanceof Error ? error.message : String(error)}\n`)
    return 1
  }
  process.stdout.write(`Fake Plex listening on ${server.url}\nToken: ${server.token}\n`)
  const running = server
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.stdout.write('Fake Plex stopping\n')
      void running.close().then(resolve)
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
  return 0
}
