import { parseCli, UsageError, type ParsedCli } from './args'
import { runServiceCommand } from './commands'
import { describeFailure, EXIT_OK, EXIT_USAGE } from './failure'
import { runFakePlex } from './fake-plex'
import { Output } from './output'
import { USAGE } from './usage'

/** `plex-cache <command> [options]`: see usage.ts. Returns the exit code. */
export async function runCli(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const output = new Output(process, tokensIn(argv, env))
  let parsed: ParsedCli
  try {
    parsed = parseCli(argv, env)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    output.err(`plex-cache: ${error.message}`)
    output.err('Run "plex-cache help" for the commands and options.')
    return EXIT_USAGE
  }
  const { command, options } = parsed
  if (command.name === 'help') {
    output.out(USAGE)
    return EXIT_OK
  }
  if (command.name === 'fake-plex') return runFakePlex(command.args)
  try {
    if (command.name === 'settings') {
      const { runSettingsCommand } = await import('./settings-command')
      return await runSettingsCommand(command, options, output)
    }
    if (command.name === 'login' || command.name === 'logout') {
      const { runLogin, runLogout } = await import('./login-command')
      return command.name === 'login'
        ? await runLogin(command, options, output, env)
        : await runLogout(options, output, env)
    }
    if (command.name === 'trust-certificate') {
      const { runTrustCertificate } = await import('./trust-certificate-command')
      return await runTrustCertificate(command, options, output)
    }
    if (command.name === 'serve') {
      const { runServe } = await import('./serve-command')
      return await runServe(command, options, output)
    }
    if (command.name === 'servers') {
      const { runServers } = await import('./servers-command')
      return await runServers(options, output, env)
    }
    // Loaded only now: help and fake-plex should not pay for opening SQLite and the Plex client.
    const { openCore } = await import('./open-core')
    const core = await openCore(options, (secret) => output.protect(secret))
    try {
      return await runServiceCommand(command, {
        service: core.service,
        output,
        json: options.json,
        clock: Date.now,
      })
    } finally {
      await core.close()
    }
  } catch (error) {
    const { exitCode, reason } = describeFailure(error)
    output.err(`plex-cache: ${reason}`)
    return exitCode
  }
}

/** Tokens to keep out of every line printed, even from a command line that fails to parse. */
function tokensIn(argv: readonly string[], env: NodeJS.ProcessEnv): string[] {
  const tokens = [env.PLEX_TOKEN ?? '']
  argv.forEach((arg, index) => {
    if (arg === '--token') tokens.push(argv[index + 1] ?? '')
    else if (arg.startsWith('--token=')) tokens.push(arg.slice('--token='.length))
  })
  return tokens
}
