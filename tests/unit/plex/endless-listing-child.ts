import { PlexClient, PlexError } from '../../../src/main/plex'

/**
 * Lists section 1 of the fake at argv[2] in a process of its own, so its peak RSS (getrusage's
 * maxRSS) is the listing's alone, and prints one JSON line with the outcome and the memory.
 */
const job = JSON.parse(process.argv[2] ?? '{}') as { url: string; token: string; maxBytes: number }
const rssBefore = process.memoryUsage.rss()
const client = new PlexClient({
  baseUrl: job.url,
  token: job.token,
  clientIdentifier: 'endless-listing-child',
  fetch: (url, init) => fetch(url, init),
  listingLimits: { maxBytes: job.maxBytes },
})
let outcome: { items?: number; code?: string; message?: string }
try {
  outcome = { items: (await client.items('1', { sectionType: 'movie' })).length }
} catch (error) {
  outcome =
    error instanceof PlexError ? { code: error.code, message: error.message } : { message: String(error) }
}
const peakRssBytes = process.resourceUsage().maxRSS * 1024
process.stdout.write(`${JSON.stringify({ ...outcome, rssBefore, peakRssBytes })}\n`)
