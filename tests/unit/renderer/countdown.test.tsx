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
  const all = () =>
    [...container.querySelectorAll('[data-testid="library-countdown"]')].map((node) => node.textContent)

  it('ticks down on every whole second of the shared clock, on its own, and says expired at the end', () => {
    act(() => root.render(<Countdown fetchedAt={START - 500} expiresAt={START + 62_500} />))
    expect(text()).toBe('1:03')
    act(() => vi.advanceTimersByTime(999))
    expect(text()).toBe('1:03')
    act(() => vi.advanceTimersByTime(10))
    expect(text()).toBe('1:02')
    act(() => vi.advanceTimersByTime(1_000))
    expect(text()).toBe('1:01')
    act(() => vi.advanceTimersByTime(61_000))
    expect(text()).toBe('expired')
    expect(container.querySelector('.countdown-over')).not.toBeNull()
  })

  it('shares one timer between every countdown on screen, so they all change together', () => {
    act(() =>
      root.render(
        <>
          <Countdown fetchedAt={START} expiresAt={START + 10_000} />
          <Countdown fetchedAt={START} expiresAt={START + 20_000} />
          <Countdown fetchedAt={START} expiresAt={START + 30_000} />
        </>,
      ),
    )
    expect(vi.getTimerCount()).toBe(1)
    act(() => vi.advanceTimersByTime(1_010))
    expect(all()).toEqual(['0:09', '0:19', '0:29'])
    expect(vi.getTimerCount()).toBe(1)
  })

  it('stops ticking while the window is hidden and catches up at once when shown again', () => {
    let hidden = false
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden })
    try {
      act(() => root.render(<Countdown fetchedAt={START} expiresAt={START + 60_000} />))
      expect(text()).toBe('1:00')
      hidden = true
      act(() => document.dispatchEvent(new Event('visibilitychange')))
      expect(vi.getTimerCount()).toBe(0)
      act(() => vi.advanceTimersByTime(20_000))
      expect(text()).toBe('1:00')
      hidden = false
      act(() => document.dispatchEvent(new Event('visibilitychange')))
      expect(text()).toBe('0:40')
      expect(vi.getTimerCount()).toBe(1)
    } finally {
      Reflect.deleteProperty(document, 'hidden')
    }
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
