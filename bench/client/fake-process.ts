import { startFakePlex } from '../../src/fake-plex'

/**
 * The fake server for the client bench, in its own process so that its CPU time and memory (building
 * and serialising 50,000 items) never count against the client. Prints one JSON line with the URL
 * and token, then serves until its stdin closes (the parent ends it that way, even when it crashes).
 */
const movies = Number(process.argv[2] ?? '50000')
const fake = await startFakePlex({ dataset: { movies, shows: 0, artists: 0, photos: 0 } })
process.stdout.write(`${JSON.stringify({ url: fake.url, token: fake.token })}\n`)
process.stdin.resume()
process.stdin.on('end', () => {
  void fake.close().then(() => process.exit(0))
})
