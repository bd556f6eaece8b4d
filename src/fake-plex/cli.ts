// `npm run fake-plex -- ...`: the fake Plex Media Server as a command of its own.
import { runFakePlexCli } from './run-cli'

process.exitCode = await runFakePlexCli(process.argv.slice(2))
