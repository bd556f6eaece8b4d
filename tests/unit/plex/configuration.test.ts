import { describe, expect, it } from 'vitest'
import { PlexClient, PlexConfigError, normalizeBaseUrl } from '../../../src/main/plex'

describe('normalizeBaseUrl', () => {
  it('accepts http and https, and drops trailing slashes', () => {
    expect(normalizeBaseUrl('http://192.168.1.10:32400')).toBe('http://192.168.1.10:32400')
    expect(normalizeBaseUrl('http://192.168.1.10:32400/')).toBe('http://192.168.1.10:32400')
    expect(normalizeBaseUrl('  https://plex.example.com//  ')).toBe('https://plex.example.com')
    expect(normalizeBaseUrl('https://example.com/plex/')).toBe('https://example.com/plex')
  })

  it.each([
    ['ftp://example.com', /http:\/\/ or https:\/\//],
    ['localhost:32400', /http:\/\/ or https:\/\//],
    ['file:///etc/passwd', /http:\/\/ or https:\/\//],
    ['http://user:secret@example.com:32400', /user name or password/],
    ['not a url at all', /not a valid URL/],
    ['', /empty/],
    ['   ', /empty/],
  ])('rejects %j with a clear message', (input, message) => {
    expect(() => normalizeBaseUrl(input)).toThrow(PlexConfigError)
    expect(() => normalizeBaseUrl(input)).toThrow(message)
  })

  it('rejects a pasted URL that carries the token, without repeating the token', () => {
    const attempt = () => normalizeBaseUrl('http://10.0.0.2:32400/?X-Plex-Token=abcSECRET123')
    expect(attempt).toThrow(PlexConfigError)
    try {
      attempt()
    } catch (error) {
      expect((error as Error).message).not.toContain('abcSECRET123')
    }
    expect(() => normalizeBaseUrl('http://secretuser:secretpass@host')).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('secretpass') }),
    )
  })

  it('makes the client refuse a bad URL before any request', () => {
    let requests = 0
    const fetch = async () => {
      requests++
      return new Response('{}')
    }
    expect(() => new PlexClient({ baseUrl: 'ftp://x', token: 't', clientIdentifier: 'c', fetch })).toThrow(
      PlexConfigError,
    )
    expect(requests).toBe(0)
  })
})

describe('PlexClient options', () => {
  const fetch = async () => new Response('{}')
  const valid = { baseUrl: 'http://plex.test:32400', token: 't', clientIdentifier: 'c', fetch }

  it('needs a client identifier, and sane timeout and retry counts', () => {
    expect(() => new PlexClient({ ...valid, clientIdentifier: ' ' })).toThrow(/client identifier/)
    expect(() => new PlexClient({ ...valid, timeoutMs: 0 })).toThrow(PlexConfigError)
    expect(() => new PlexClient({ ...valid, retries: -1 })).toThrow(PlexConfigError)
    expect(new PlexClient({ ...valid, retries: 0 }).baseUrl).toBe('http://plex.test:32400')
  })

  it('refuses a page size outside 1..10000 before any request', async () => {
    const plex = new PlexClient(valid)
    await expect(plex.items('1', { sectionType: 'movie', pageSize: 0 })).rejects.toThrow(PlexConfigError)
    await expect(plex.items('1', { sectionType: 'movie', pageSize: 2.5 })).rejects.toThrow(PlexConfigError)
  })
})
