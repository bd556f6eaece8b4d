// @vitest-environment happy-dom
import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ProgressBar } from '../../../src/renderer/src/libraries/ProgressBar'

// React only runs effects inside act() when it knows it is under test.
;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

describe('<ProgressBar> while a page is retried', () => {
  let container: HTMLElement
  let root: Root

  beforeEach(() => {
    container = document.createElement('div')
    document.body.append(container)
    root = createRoot(container)
  })

  afterEach(() => {
    act(() => root.unmount())
    container.remove()
  })

  const retryText = () => container.querySelector('[data-testid="library-progress-retry"]')?.textContent

  it('shows the retry under the bar, and drops it once the next page arrives', () => {
    const retry = { page: 12, attempt: 2, attempts: 4, reason: 'timed out', waitMs: 2000 }
    act(() =>
      root.render(
        <ProgressBar label="Refreshing Movies" progress={{ fetched: 5500, total: 20000, retry }} />,
      ),
    )
    expect(retryText()).toBe('page 12 timed out, retrying in 2 s (2/4)')
    expect(container.querySelector('.progress-text')?.textContent).toBe(
      `${(5500).toLocaleString()} / ${(20000).toLocaleString()}`,
    )
    act(() =>
      root.render(<ProgressBar label="Refreshing Movies" progress={{ fetched: 6000, total: 20000 }} />),
    )
    expect(retryText()).toBeUndefined()
  })
})
