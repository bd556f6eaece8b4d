// @vitest-environment happy-dom
import { act } from 'react'
import { describe, expect, it } from 'vitest'
import { ProgressBar } from '../../../src/renderer/src/libraries/ProgressBar'
import { mountedPerTest } from './support/mounted-root'

// React only runs effects inside act() when it knows it is under test.
;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

describe('<ProgressBar> while a page is retried', () => {
  const mounted = mountedPerTest()

  const retryText = () =>
    mounted.container.querySelector('[data-testid="library-progress-retry"]')?.textContent

  it('shows the retry under the bar, and drops it once the next page arrives', () => {
    const retry = { page: 12, attempt: 2, attempts: 4, reason: 'timed out', waitMs: 2000 }
    act(() =>
      mounted.root.render(
        <ProgressBar label="Refreshing Movies" progress={{ fetched: 5500, total: 20000, retry }} />,
      ),
    )
    expect(retryText()).toBe('page 12 timed out, retrying in 2 s (2/4)')
    expect(mounted.container.querySelector('.progress-text')?.textContent).toBe(
      `${(5500).toLocaleString()} / ${(20000).toLocaleString()}`,
    )
    act(() =>
      mounted.root.render(
        <ProgressBar label="Refreshing Movies" progress={{ fetched: 6000, total: 20000 }} />,
      ),
    )
    expect(retryText()).toBeUndefined()
  })
})
