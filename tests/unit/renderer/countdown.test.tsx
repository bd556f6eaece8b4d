// @vitest-environment happy-dom
import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Countdown } from '../../../src/renderer/src/libraries/Countdown'

// React only runs effects inside act() when it knows it is under test.
;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

const START = Date.UTC(2030, 0, 1, 12, 0, 0)

describe('<Countdown>', () => {
  let container: HTMLElement
  let root: Root

  beforeEach(() => {
    vi.useFakeTimers()
    vi.setSystemTime(START)
    container = document.createElement('div')
    document.body.append(container)
    root = createRoot(container)
  })

  afterEach(() => {
    act(() => root.unmount())
    container.remove()
    vi.useRealTimers()
  })

  const text = () => container.querySelector('[data-testid="library-countdown"]')?.textContent

  it('ticks down every second from expiresAt, on its own, and says expired at the end', () => {
    act(() => root.render(<Countdown fetchedAt={START - 500} expiresAt={START + 62_500} />))
    expect(text()).toBe('1:03')
    act(() => vi.advanceTimersByTime(499))
    expect(text()).toBe('1:03')
    act(() => vi.advanceTimersByTime(10))
    expect(text()).toBe('1:02')
    act(() => vi.advanceTimersByTime(1_000))
    expect(text()).toBe('1:01')
    act(() => vi.advanceTimersByTime(61_000))
    expect(text()).toBe('expired')
    expect(container.querySelector('.countdown-over')).not.toBeNull()
  })

  it('never shows more than the whole TTL, even before its first tick', () => {
    act(() => root.render(<Countdown fetchedAt={START + 800} expiresAt={START + 60_800} />))
    expect(text()).toBe('1:00')
  })

  it('shows a dash when nothing is cached', () => {
    act(() => root.render(<Countdown fetchedAt={null} expiresAt={null} />))
    expect(text()).toBe('—')
  })
})
