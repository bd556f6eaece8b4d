import { describe, expect, it } from 'vitest'
import type { EventMessage } from '../../../src/shared/contract'
import { EventHub } from '../../../src/main/app/event-hub'

/** A hub with the given token and one listener recording what reaches the window. */
function hubWithToken(token: string): { hub: EventHub; received: EventMessage[] } {
  const hub = new EventHub(() => [token])
  const received: EventMessage[] = []
  hub.on((message) => received.push(message))
  return { hub, received }
}

describe('EventHub scrubbing', () => {
  it('keeps event names, keys and messages readable with a one-letter token', () => {
    const { hub, received } = hubWithToken('e')
    hub.emit('notice', { level: 'error', message: 'Could not talk to the server (token e).' })
    hub.emit('progress', { library: 'e', fetched: 1, total: 2 })
    expect(received).toEqual([
      {
        event: 'notice',
        payload: { level: 'error', message: 'Could not talk to the server (token <redacted>).' },
      },
      { event: 'progress', payload: { library: '<redacted>', fetched: 1, total: 2 } },
    ])
  })

  it('never garbles its marker when the token occurs inside "redacted"', () => {
    for (const token of ['r', 'redacted', 'dact']) {
      const { hub, received } = hubWithToken(token)
      hub.emit('notice', { level: 'warning', message: `stale token ${token}; was <redacted> before` })
      expect(received[0]?.payload, token).toEqual({
        level: 'warning',
        message: 'stale token <redacted>; was <redacted> before',
      })
    }
  })

  it('delivers a valid message for a token made of JSON punctuation or regex characters', () => {
    for (const token of ['"', '\\', '.*', '"}']) {
      const { hub, received } = hubWithToken(token)
      hub.emit('notice', { level: 'info', message: `token ${token} here` })
      expect(received[0], token).toEqual({
        event: 'notice',
        payload: { level: 'info', message: 'token <redacted> here' },
      })
    }
  })

  it('scrubs notices buffered before anyone listened, with the token known at emit time', () => {
    const token = 'Ab3_xY9-qRs7TuVw2zKp'
    const hub = new EventHub(() => [token])
    hub.emit('notice', { level: 'error', message: `failed: GET /?X-Plex-Token=${token}` })
    const received: EventMessage[] = []
    hub.on((message) => received.push(message))
    expect(JSON.stringify(received)).not.toContain(token)
    expect(received[0]?.payload).toEqual({ level: 'error', message: 'failed: GET /?X-Plex-Token=<redacted>' })
  })
})
