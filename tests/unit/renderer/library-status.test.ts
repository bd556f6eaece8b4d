import { describe, expect, it } from 'vitest'
import { displayState, expiringSoonThreshold } from '../../../src/renderer/src/libraries/library-status'
import type { LibraryState } from '../../../src/shared/service-types'

const NOW = 1_000_000_000
const MINUTE = 60_000
const HOUR = 60 * MINUTE

/** A listing fetched `age` ago with the given TTL, as main last described it. */
function row(ttl: number, age: number, state: LibraryState = 'fresh') {
  return { state, fetchedAt: NOW - age, expiresAt: NOW - age + ttl }
}

const at = (input: ReturnType<typeof row>, offline = false, refreshing = false) =>
  displayState({ row: input, now: NOW, offline, refreshing })

describe('displayState', () => {
  it('is fresh well within the TTL', () => {
    expect(at(row(HOUR, 10 * MINUTE))).toBe('fresh')
  })

  it('is expiring soon within 5 minutes of a long TTL', () => {
    expect(at(row(HOUR, HOUR - 5 * MINUTE - 1000))).toBe('fresh')
    expect(at(row(HOUR, HOUR - 5 * MINUTE))).toBe('expiring')
    expect(at(row(24 * HOUR, 24 * HOUR - MINUTE))).toBe('expiring')
  })

  it('uses 10% of a short TTL, so a 2-minute TTL is not "soon" from the start', () => {
    expect(expiringSoonThreshold(2 * MINUTE)).toBe(12_000)
    expect(at(row(2 * MINUTE, 30_000))).toBe('fresh')
    expect(at(row(2 * MINUTE, 2 * MINUTE - 12_000))).toBe('expiring')
    expect(expiringSoonThreshold(HOUR)).toBe(5 * MINUTE)
  })

  it('is expired once the local countdown runs out, before main is asked again', () => {
    expect(at(row(HOUR, HOUR))).toBe('expired')
    expect(at(row(HOUR, 2 * HOUR))).toBe('expired')
  })

  it("takes main's word for expired even if the local clock is behind", () => {
    expect(at(row(HOUR, 10 * MINUTE, 'expired'))).toBe('expired')
  })

  it('is stale, not expired, when past its TTL while Plex is unreachable', () => {
    expect(at(row(HOUR, 2 * HOUR), true)).toBe('stale')
    expect(at(row(HOUR, 2 * HOUR, 'stale'), true)).toBe('stale')
    expect(at(row(HOUR, 2 * HOUR, 'expired'), true)).toBe('stale')
    // Offline but still within its TTL: the copy is simply fresh.
    expect(at(row(HOUR, 10 * MINUTE), true)).toBe('fresh')
  })

  it('says "revalidating", not "offline", for a stale copy main serves while Plex answers', () => {
    // Within the stale-while-revalidate window: the copy is served at once, Plex is asked meanwhile.
    expect(at(row(HOUR, 2 * HOUR, 'stale'))).toBe('revalidating')
    expect(at(row(HOUR, 2 * HOUR, 'stale'), true)).toBe('stale')
  })

  it('shows refreshing and not cached whatever the times say', () => {
    expect(at(row(HOUR, 2 * HOUR), false, true)).toBe('refreshing')
    expect(at(row(HOUR, 0, 'refreshing'))).toBe('refreshing')
    expect(
      displayState({
        row: { state: 'missing', fetchedAt: null, expiresAt: null },
        now: NOW,
        offline: false,
        refreshing: false,
      }),
    ).toBe('missing')
  })
})
