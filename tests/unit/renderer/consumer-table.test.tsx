// @vitest-environment happy-dom
import { act } from 'react'
import { describe, expect, it } from 'vitest'
import { ConsumerTable } from '../../../src/renderer/src/stats/ConsumerTable'
import type { ServiceStats } from '../../../src/shared/service-types'
import { mountedPerTest } from './support/mounted-root'

// React only runs effects inside act() when it knows it is under test.
;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

function statsWith(parts: Pick<ServiceStats, 'byConsumer' | 'inspectionReads'>): ServiceStats {
  return {
    hits: 0,
    misses: 0,
    hitRate: 0,
    entries: 0,
    entryStates: { fresh: 0, stale: 0, expired: 0 },
    bytes: 0,
    sizeLimitBytes: 0,
    databaseFileBytes: 0,
    evictions: { expired: 0, size_limit: 0, too_large: 0, cleared: 0, damaged: 0 },
    plexRequests: 0,
    plexRequestsAvoided: 0,
    revalidations: 0,
    coalescedRequests: 0,
    bytesServed: 0,
    timeSavedMs: 0,
    byLibrary: {},
    ...parts,
  }
}

describe('<ConsumerTable>', () => {
  const mounted = mountedPerTest()

  const text = (testId: string, within: ParentNode = mounted.container) =>
    within.querySelector(`[data-testid="${testId}"]`)?.textContent

  it('shows a row per consumer, busiest first, and the inspection reads apart', () => {
    const stats = statsWith({
      inspectionReads: 1234,
      byConsumer: {
        Plexamp: {
          hits: 1,
          misses: 0,
          plexRequestsAvoided: 2,
          timeSavedMs: 0,
          stale: 2,
          passedThrough: 7,
          bytesServed: 2048,
        },
        cli: {
          hits: 3,
          misses: 1,
          plexRequestsAvoided: 12,
          timeSavedMs: 1500,
          stale: 0,
          passedThrough: 0,
          bytesServed: 0,
        },
      },
    })
    act(() => mounted.root.render(<ConsumerTable stats={stats} />))
    const rows = [...mounted.container.querySelectorAll('[data-testid="consumer-row"]')]
    expect(rows.map((row) => row.getAttribute('data-consumer'))).toEqual(['cli', 'Plexamp'])
    expect(rows.map((row) => row.querySelector('th')?.textContent)).toEqual(['Command line', 'Plexamp'])
    expect(text('consumer-hits', rows[0]!)).toBe('3')
    expect(text('consumer-misses', rows[0]!)).toBe('1')
    expect(text('consumer-stale', rows[1]!)).toBe('2')
    expect(text('consumer-passed-through', rows[1]!)).toBe('7')
    expect(text('consumer-bytes-served', rows[1]!)).toBe('2.0 KB')
    expect(text('consumer-avoided', rows[0]!)).toBe('12')
    expect(text('consumer-time-saved', rows[0]!)).not.toBe(text('consumer-time-saved', rows[1]!))
    expect(rows[0]!.textContent).toContain('75')
    expect(text('inspection-reads')).toContain((1234).toLocaleString())
  })

  it('says so when no consumer has read yet, and still shows the inspection reads', () => {
    act(() =>
      mounted.root.render(<ConsumerTable stats={statsWith({ inspectionReads: 7, byConsumer: {} })} />),
    )
    expect(mounted.container.querySelector('[data-testid="consumer-table"]')).toBeNull()
    expect(text('consumer-table-empty')).toContain('No reads')
    expect(text('inspection-reads')).toContain('7')
  })
})
