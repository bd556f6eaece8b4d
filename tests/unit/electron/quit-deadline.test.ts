import { describe, expect, it } from 'vitest'
import { CLOSE_DEADLINE_MS, closeThenQuit } from '../../../src/main/quit-deadline'

function recordingSteps(close: () => Promise<void>, deadlineMs: number) {
  const happened: string[] = []
  const logged: string[] = []
  const steps = {
    close,
    quit: () => happened.push('quit'),
    exit: () => happened.push('exit'),
    log: (message: string) => logged.push(message),
    deadlineMs,
  }
  return { steps, happened, logged }
}

describe('closeThenQuit', () => {
  it('waits about five seconds by default', () => {
    expect(CLOSE_DEADLINE_MS).toBe(5_000)
  })

  it('quits normally once a quick close has finished', async () => {
    const { steps, happened, logged } = recordingSteps(
      () => new Promise((resolve) => setTimeout(resolve, 10)),
      1_000,
    )
    const started = Date.now()
    await expect(closeThenQuit(steps)).resolves.toBe('quit')
    expect(Date.now() - started).toBeLessThan(900)
    expect(happened).toEqual(['quit'])
    expect(logged).toEqual([])
  })

  it('exits after the deadline when closing never finishes, saying why', async () => {
    const { steps, happened, logged } = recordingSteps(() => new Promise<void>(() => {}), 60)
    const started = Date.now()
    await expect(closeThenQuit(steps)).resolves.toBe('exited')
    expect(Date.now() - started).toBeGreaterThanOrEqual(55)
    expect(happened).toEqual(['exit'])
    expect(logged).toEqual([expect.stringContaining('longer than 60 ms')])
  })

  it('does not quit as well when a slow close finally finishes after the exit', async () => {
    let finishClosing = () => {}
    const { steps, happened } = recordingSteps(
      () => new Promise<void>((resolve) => (finishClosing = resolve)),
      20,
    )
    await closeThenQuit(steps)
    finishClosing()
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(happened).toEqual(['exit'])
  })

  it('logs a failed close and still quits normally', async () => {
    const { steps, happened, logged } = recordingSteps(() => Promise.reject(new Error('disk gone')), 1_000)
    await expect(closeThenQuit(steps)).resolves.toBe('quit')
    expect(happened).toEqual(['quit'])
    expect(logged).toEqual([expect.stringContaining('closing failed')])
  })
})
