import { describe, expect, it } from 'vitest'
import type { RefreshOutcome } from '../../../src/shared/service-types'
import { refreshFailureSummary } from '../../../src/renderer/src/libraries/refresh-failure-summary'

const MAINTENANCE = {
  code: 'UNREACHABLE' as const,
  status: 503,
  message: 'The Plex server is temporarily unavailable (503); it may be starting up or running maintenance.',
}

function outcome(title: string, failed?: RefreshOutcome['error']): RefreshOutcome {
  return {
    key: title,
    title,
    itemCount: 1,
    ms: 5,
    outcome: failed ? 'failed' : 'revalidated',
    ...(failed ? { error: failed } : {}),
  }
}

describe('one summary per refresh', () => {
  it('says how many of how many failed, and the one cause they share', () => {
    const summary = refreshFailureSummary([
      outcome('Movies', MAINTENANCE),
      outcome('TV Shows', MAINTENANCE),
      outcome('Music', MAINTENANCE),
      outcome('Photos'),
    ])
    expect(summary).toEqual({
      message: '3 of 4 libraries could not be refreshed: Plex is in maintenance (503)',
      cause: MAINTENANCE,
    })
  })

  it('names the library when only one was refreshed', () => {
    const auth = { code: 'AUTH' as const, status: 401, message: 'The Plex server refused the token.' }
    expect(refreshFailureSummary([outcome('Movies', auth)])?.message).toBe(
      'Movies could not be refreshed: Plex rejected the token (401)',
    )
  })

  it('lists different causes once each, with their libraries, and nothing when all went well', () => {
    const tooLarge = {
      code: 'TOO_LARGE' as const,
      message: 'Music needs 120 MB, more than the 100 MB limit.',
    }
    const summary = refreshFailureSummary([outcome('Movies', MAINTENANCE), outcome('Music', tooLarge)])
    expect(summary?.message).toBe(
      '2 of 2 libraries could not be refreshed: Plex is in maintenance (503) (Movies); Music needs 120 MB, more than the 100 MB limit (Music)',
    )
    expect(summary?.cause).toBeUndefined()
    expect(
      refreshFailureSummary([outcome('Movies'), { ...outcome('Music'), outcome: 'cancelled' }]),
    ).toBeUndefined()
  })
})
