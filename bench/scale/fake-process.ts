import { createInterface } from 'node:readline'
import { startFakePlex, type FakePlexDatasetOptions } from '../../src/fake-plex'

/**
 * The fake server for the scale bench, in its own process so that generating and serialising
 * 150,000 items never counts against the process being measured. Takes the dataset as JSON in
 * argv[2], prints one JSON line with its URL and token, and ends when its stdin closes (so it also
 * ends if the bench dies).
 */
const dataset = JSON.parse(process.argv[2] ?? '{}') as FakePlexDatasetOptions
const fake = await startFakePlex({ dataset })
process.stdout.write(`${JSON.stringify({ url: fake.url, token: fake.token })}\n`)
createInterface({ input: process.stdin }).on('close', () => {
  void fake.close().then(() => process.exit(0))
})
