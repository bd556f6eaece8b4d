import { describe, expect, it } from 'vitest'
import { PlexClient, PlexUnavailableError, type FetchFunction } from '../../../src/main/plex'
import { parseRetryAfter } from '../../../src/main/plex/retry-after'

function clientAnswering(answer: () => Response) {
  let calls = 0
  const fetch: FetchFunction = async () => {
    calls++
    return answer()
  }
  const plex = new PlexClient({
    baseUrl: 'http://plex.test:32400',
    token: 'tok',
    clientIdentifier: 'client-uuid',
    fetch,
    retries: 0,
    sleep: async () => {},
  })
  return { plex, calls: () => calls }
}

describe('Retry-After', () => {
  it('reads delay-seconds and HTTP dates, and ignores what is neither', () => {
    const now = Date.parse('2025-01-01T00:00:00Z')
    expect(parseRetryAfter('120', now)).toBe(120_000)
    expect(parseRetryAfter(' 0 ', now)).toBe(0)
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:30 GMT', now)).toBe(30_000)
    expect(parseRetryAfter('Tue, 31 Dec 2024 23:00:00 GMT', now)).toBe(0)
    expect(parseRetryAfter(null, now)).toBeUndefined()
    expect(parseRetryAfter('-5', now)).toBeUndefined()
    expect(parseRetryAfter('1.5', now)).toBeUndefined()
    expect(parseRetryAfter('soon', now)).toBeUndefined()
  })

  it('makes 429 a retryable error carrying retryAfterMs, not a bad request', async () => {
    const { plex } = clientAnswering(
      () => new Response('slow down', { status: 429, headers: { 'Retry-After': '7' } }),
    )
    const error = await plex.sections().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PlexUnavailableError)
    expect((error as PlexUnavailableError).retryable).toBe(true)
    expect((error as PlexUnavailableError).status).toBe(429)
    expect((error as PlexUnavailableError).retryAfterMs).toBe(7000)
    expect((error as Error).message).toMatch(/too many requests.*wait 7 s/i)
  })

  it('carries retryAfterMs on 503 too, and leaves it out when the server gives none', async () => {
    const withHeader = clientAnswering(
      () => new Response('', { status: 503, headers: { 'Retry-After': '3' } }),
    )
    const error = await withHeader.plex.sections().catch((e: unknown) => e)
    expect((error as PlexUnavailableError).retryAfterMs).toBe(3000)
    const without = clientAnswering(() => new Response('', { status: 429 }))
    const bare = await without.plex.sections().catch((e: unknown) => e)
    expect(bare).toBeInstanceOf(PlexUnavailableError)
    expect((bare as PlexUnavailableError).retryAfterMs).toBeUndefined()
  })
})
