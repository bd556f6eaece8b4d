// @vitest-environment happy-dom
import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { App } from '../../../src/renderer/src/App'
import { installBridge, openDemoCore, settled, type DemoCore } from './support/demo-core'

// React only runs effects inside act() when it knows it is under test.
;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * The whole window (header with the connection status, Libraries tab with its rows and the cache
 * summary) over the real core and demo server; only the transport is in-process and counts calls.
 */
describe('one data layer: each event makes each read once', () => {
  let core: DemoCore
  let container: HTMLElement
  let root: Root

  beforeEach(async () => {
    core = await openDemoCore()
    installBridge(core.bridge)
    container = document.createElement('div')
    document.body.append(container)
    root = createRoot(container)
    act(() => root.render(<App />))
    await vi.waitFor(
      () => expect(container.querySelector('[data-testid="libraries-ready"]')).not.toBeNull(),
      {
        timeout: 10_000,
      },
    )
    await act(() => settled(core))
    core.resetCounts()
  })

  afterEach(async () => {
    act(() => root.unmount())
    container.remove()
    installBridge(undefined)
    core.release()
    await core.close()
  })

  it('reads listLibraries once and stats once for one changed event, with the header and the Libraries view both showing them', async () => {
    // Both the header (connection, which shows nothing of these) and the Libraries view with its
    // summary are mounted: before, each hook listened on its own and the view read stats twice.
    expect(container.querySelector('[data-testid="connection-status"]')).not.toBeNull()
    expect(container.querySelector('[data-testid="libraries-view"]')).not.toBeNull()
    await act(async () => {
      core.emit('changed', {})
      await settled(core)
    })
    expect(core.counts()).toEqual({ listLibraries: 1, stats: 1 })
  })

  it('collapses a burst of events into one read of each operation they name', async () => {
    await act(async () => {
      core.emit('changed', { library: '1' })
      core.emit('changed', { library: '2' })
      core.emit('stats', {})
      core.emit('connection', { state: 'online' } as never)
      core.emit('settings', {} as never)
      await settled(core)
    })
    expect(core.counts()).toEqual({ listLibraries: 1, stats: 1, connectionStatus: 1, getSettings: 1 })
  })

  it('reads once more after an answer that was already under way when the change came, so no change is missed', async () => {
    core.hold()
    await act(async () => {
      core.emit('changed', {})
      await wait(100)
    })
    expect(core.counts()).toEqual({ listLibraries: 1, stats: 1 })
    await act(async () => {
      core.emit('changed', {})
      core.emit('changed', {})
      await wait(100)
    })
    // Still one read each while the first is out: the two changes wait for it and become one read.
    expect(core.counts()).toEqual({ listLibraries: 1, stats: 1 })
    core.release()
    await act(() => settled(core, 300))
    // stats waits out its one-second gap, then reads once more too.
    await act(() => wait(1_000))
    expect(core.counts()).toEqual({ listLibraries: 2, stats: 2 })
  })

  it("follows a busy client's stats events about once a second, not once per event", async () => {
    await act(async () => {
      for (let n = 0; n < 10; n++) core.emit('stats', {})
      await wait(300)
      for (let n = 0; n < 10; n++) core.emit('stats', {})
      await wait(200)
    })
    expect(core.counts()).toEqual({ stats: 1 })
    await act(() => wait(1_000))
    expect(core.counts()).toEqual({ stats: 2 })
  })

  it('shows what a real refresh changed, reading each operation no more than the events it caused', async () => {
    const events: string[] = []
    const stop = core.bridge.on('changed', () => events.push('changed'))
    await act(async () => {
      await core.controller.run('refreshLibrary', { library: '1' })
      await settled(core)
      await wait(1_100)
    })
    stop()
    const movies = [...container.querySelectorAll('[data-testid="library-row"]')].find(
      (row) => row.querySelector('[data-testid="library-title"]')?.textContent === 'Movies',
    )
    expect(movies?.querySelector('[data-testid="library-item-count"]')?.textContent).toBe('40')
    expect(events.length).toBeGreaterThan(0)
    expect(core.counts().listLibraries ?? 0).toBeLessThanOrEqual(events.length)
    expect(core.counts().listLibraries ?? 0).toBeGreaterThan(0)
  })
})
