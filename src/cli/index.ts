// The `plex-cache` command's entry point. Built into one CommonJS file, out/cli/index.cjs, which the
// bin launcher runs under Node and the installed app runs under its own binary in Node mode.
import { runCli } from './main'

// `plex-cache items Movies | head` closes the pipe early: that is the reader's choice, not a crash.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error
  process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0)
})

void runCli(process.argv.slice(2), process.env).then((exitCode) => {
  process.exitCode = exitCode
})
