import { describe, expect, it } from 'vitest'
import { REDACTED, redactSecrets, redactSecretsDeep } from '../../src/shared/redact'

const MESSAGE = 'Could not talk to the server: connection refused.'

describe('redactSecrets', () => {
  it('cuts a real-length token out wherever it appears, even glued to other text', () => {
    const token = 'Ab3_xY9-qRs7TuVw2zKp'
    expect(redactSecrets(`GET /library?X-Plex-Token%3D${token}&a=1 (${token})`, [token])).toBe(
      `GET /library?X-Plex-Token%3D${REDACTED}&a=1 (${REDACTED})`,
    )
  })

  it('keeps a message readable with a one-letter token, and still hides it where it stands alone', () => {
    expect(redactSecrets(MESSAGE, ['e'])).toBe(MESSAGE)
    expect(redactSecrets('token "e" was refused (e)', ['e'])).toBe(
      `token "${REDACTED}" was refused (${REDACTED})`,
    )
  })

  it('never re-scans its own marker, whatever the token or how often it runs', () => {
    for (const token of ['r', 'e', 'redacted', '<redacted>', 'd>', '<']) {
      const once = redactSecrets(`${MESSAGE} token=${token}.`, [token])
      expect(once, token).toBe(`${MESSAGE} token=${REDACTED}.`)
      // The service redacts, then the CLI redacts the same text again: nothing may change.
      expect(redactSecrets(once, [token]), token).toBe(once)
    }
  })

  it('hides every part of overlapping tokens and of a token repeating into itself', () => {
    const first = 'abcdefghij1234'
    const second = 'ghij1234klmnop'
    expect(redactSecrets(`key abcdefghij1234klmnop end`, [first, second])).toBe(`key ${REDACTED} end`)
    expect(redactSecrets('x aaaaaaaaaaa y', ['aaaaaaaa'])).toBe(`x ${REDACTED} y`)
    // A token containing another is found whole, in any order of the list.
    expect(redactSecrets('use zz12345678zz now', ['12345678', 'zz12345678zz'])).toBe(`use ${REDACTED} now`)
  })

  it('treats regular-expression characters in a token literally', () => {
    for (const token of ['a.b*c+d?', '(x|y)[z]', '$&$1\\^', '.*']) {
      expect(redactSecrets(`token ${token} and a.b.c and xyz`, [token]), token).toBe(
        `token ${REDACTED} and a.b.c and xyz`,
      )
    }
  })

  it('finds a token in its JSON-escaped form, as in a server body echoed into a message', () => {
    const token = 'quote"and\\slash-123'
    const body = JSON.stringify({ error: `bad token ${token}` })
    expect(redactSecrets(`Plex said ${body}`, [token])).toBe(`Plex said {"error":"bad token ${REDACTED}"}`)
  })

  it('cuts out any X-Plex-Token value, known or not, in a URL, a header or JSON', () => {
    expect(redactSecrets('GET /a?X-Plex-Token=abc123&b=2', [])).toBe(`GET /a?X-Plex-Token=${REDACTED}&b=2`)
    expect(redactSecrets('x-plex-token: abc123', [])).toBe(`x-plex-token: ${REDACTED}`)
    expect(redactSecrets('{"X-Plex-Token":"abc123"}', [])).toBe(`{"X-Plex-Token":"${REDACTED}"}`)
  })

  it('leaves text without secrets alone, and ignores empty or missing ones', () => {
    expect(redactSecrets(MESSAGE, ['', undefined])).toBe(MESSAGE)
    expect(redactSecrets(MESSAGE, ['not-in-there-at-all'])).toBe(MESSAGE)
  })
})

describe('redactSecretsDeep', () => {
  it('redacts strings and keys but never the structure', () => {
    const token = 'e'
    const value = {
      event: 'notice',
      payload: { message: 'token e leaked', list: ['e', 'keep', 3, null, true] },
      e: 1,
    }
    expect(redactSecretsDeep(value, [token])).toEqual({
      event: 'notice',
      payload: { message: `token ${REDACTED} leaked`, list: [REDACTED, 'keep', 3, null, true] },
      [REDACTED]: 1,
    })
    expect(value.payload.message).toBe('token e leaked')
  })

  it('keeps JSON valid for a token that is JSON punctuation', () => {
    const value = { message: 'a "quoted" value: {x}' }
    for (const token of ['"', ':', '{', ',']) {
      const text = JSON.stringify(redactSecretsDeep(value, [token]))
      expect(() => JSON.parse(text) as unknown, token).not.toThrow()
    }
  })
})
