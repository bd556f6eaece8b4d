import { createInterface } from 'node:readline'
import { startFakePlex } from '../../src/fake-plex'

/**
 * The fake server for the client bench, in its own process so that its CPU time and memory (building
 * and serialising 50,000 items) never count against the client. Prints one JSON line with the URL
 * and token; then answers each "cpu" line on stdin with its CPU time so far, to show how much of the
 * wall time the server itself took. Ends when its stdin closes (so it also ends if the parent dies).
 */
const movies = Number(process.argv[2] ?? '50000')
const fake = await startFakePlex({ dataset: { movies, shows: 0, artists: 0, photos: 0 } })
process.stdout.write(`${JSON.stringify({ url: fake.url, token: fake.token })}\n`)
const commands = createInterface({ input: process.stdin })
commands.on('line', (line) => {
  if (line.trim() !== 'cpu') return
  const { user, system } = process.cpuUsage()
  process.stdout.write(`${JSON.stringify({ cpuMs: (user + system) / 1000 })}\n`)
})
commands.on('close', () => {
  void fake.close().then(() => process.exit(0))
})
