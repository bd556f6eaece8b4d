import { parseArgs } from 'node:util'
import { defaultDataDir } from '../main/data-dir'
import { runCommand, USAGE } from './commands'

function main(argv: string[]): number {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'data-dir': { type: 'string' },
        json: { type: 'boolean', default: false },
        library: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    })
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`)
    return 2
  }
  const [name = 'help', ...args] = parsed.positionals
  return runCommand(
    parsed.values.help ? 'help' : name,
    args,
    {
      dataDir: parsed.values['data-dir'] ?? defaultDataDir(),
      json: parsed.values.json ?? false,
      ...(parsed.values.library !== undefined ? { library: parsed.values.library } : {}),
    },
    { out: (line) => console.log(line), err: (line) => console.error(line), clock: Date.now },
  )
}

try {
  process.exitCode = main(process.argv.slice(2))
} catch (error) {
  console.error(`plex-cache: ${(error as Error).message}`)
  process.exitCode = 1
}
