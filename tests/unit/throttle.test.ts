import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createThrottle } from '../../src/shared/throttle'

describe('createThrottle', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] }))
  afterEach(() => vi.useRealTimers())

  it('runs asks made together once, then once more for all asks within the interval', async () => {
    const run = vi.fn()
    const throttle = createThrottle(run, 100)
    throttle.call()
    throttle.call()
    await vi.advanceTimersByTimeAsync(0)
    expect(run).toHaveBeenCalledTimes(1)
    throttle.call()
    throttle.call()
    await vi.advanceTimersByTimeAsync(99)
    expect(run).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(run).toHaveBeenCalledTimes(2)
  })

  it('never starts a run while the previous one is still going, and keeps the trailing ask', async () => {
    let finish = () => {}
    const run = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)))
    const throttle = createThrottle(run, 10)
    throttle.call()
    await vi.advanceTimersByTimeAsync(0)
    throttle.call()
    await vi.advanceTimersByTimeAsync(1000)
    expect(run).toHaveBeenCalledTimes(1)
    finish()
    await vi.advanceTimersByTimeAsync(0)
    expect(run).toHaveBeenCalledTimes(2)
  })

  it('drops a pending run on cancel, and survives a failing run', async () => {
    const run = vi.fn(() => Promise.reject(new Error('boom')))
    const throttle = createThrottle(run, 100)
    throttle.call()
    await vi.advanceTimersByTimeAsync(0)
    throttle.call()
    throttle.cancel()
    await vi.advanceTimersByTimeAsync(500)
    expect(run).toHaveBeenCalledTimes(1)
    throttle.call()
    await vi.advanceTimersByTimeAsync(0)
    expect(run).toHaveBeenCalledTimes(2)
  })

  it("with leading, runs the first ask in the caller's turn and the rest once at the end of the interval", () => {
    const run = vi.fn()
    const throttle = createThrottle(run, 100, { leading: true })
    throttle.call()
    expect(run).toHaveBeenCalledTimes(1)
    throttle.call()
    throttle.call()
    vi.advanceTimersByTime(99)
    expect(run).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(1)
    expect(run).toHaveBeenCalledTimes(2)
    vi.advanceTimersByTime(100)
    throttle.call()
    expect(run).toHaveBeenCalledTimes(3)
  })

  it('with leading, a synchronous run that throws does not stop the next ask', () => {
    const run = vi.fn(() => {
      throw new Error('boom')
    })
    const throttle = createThrottle(run, 100, { leading: true })
    throttle.call()
    vi.advanceTimersByTime(100)
    throttle.call()
    expect(run).toHaveBeenCalledTimes(2)
  })
})
