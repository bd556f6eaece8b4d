import { beforeAll, describe, expect, it, vi } from 'vitest'
import {
  channelFor,
  EVENT_CHANNEL,
  OPERATION_NAMES,
  type PlexCacheBridge,
} from '../../../src/shared/contract'
import { contextBridgeRecorder, electronModule, ipcRendererRecorder } from './electron-recorder'

vi.mock('electron', async () => (await import('./electron-recorder')).electronModule)

let bridge: PlexCacheBridge

beforeAll(async () => {
  await import('../../../src/preload/index')
  bridge = contextBridgeRecorder.exposed.get('plexCache') as PlexCacheBridge
})

describe('the preload bridge', () => {
  it('exposes only window.plexCache, with exactly the contract operations and on', () => {
    expect([...contextBridgeRecorder.exposed.keys()]).toEqual(['plexCache'])
    expect(Object.keys(bridge).sort()).toEqual([...OPERATION_NAMES, 'on'].sort())
    for (const value of Object.values(bridge)) {
      expect(typeof value).toBe('function')
      expect(value).not.toBe(electronModule.ipcRenderer.invoke)
    }
    expect(Object.values(bridge)).not.toContain(electronModule.ipcRenderer)
  })

  it('invokes each operation on its own channel, with {} when called without arguments', async () => {
    ipcRendererRecorder.invoked.length = 0
    for (const operation of OPERATION_NAMES) {
      await (bridge[operation] as (args?: unknown) => Promise<unknown>)()
    }
    await bridge.search({ library: '1', title: 'Up' })
    expect(ipcRendererRecorder.invoked).toEqual([
      ...OPERATION_NAMES.map((operation) => ({ channel: channelFor(operation), args: [{}] })),
      { channel: channelFor('search'), args: [{ library: '1', title: 'Up' }] },
    ])
  })

  it('delivers one event name to its listeners, payload only, until they unsubscribe', () => {
    const changed: unknown[] = []
    const stats: unknown[] = []
    const stopChanged = bridge.on('changed', (payload) => changed.push(payload))
    bridge.on('stats', (payload) => stats.push(payload))

    ipcRendererRecorder.deliver(EVENT_CHANNEL, { event: 'changed', payload: { library: '2' } })
    ipcRendererRecorder.deliver(EVENT_CHANNEL, { event: 'stats', payload: {} })
    ipcRendererRecorder.deliver(EVENT_CHANNEL, { event: 'made-up', payload: {} })
    stopChanged()
    ipcRendererRecorder.deliver(EVENT_CHANNEL, { event: 'changed', payload: {} })

    expect(changed).toEqual([{ library: '2' }])
    expect(stats).toEqual([{}])
  })

  it('refuses event names outside the contract and listeners that are not functions', () => {
    expect(() => bridge.on('ipc' as never, () => {})).toThrow(TypeError)
    expect(() => bridge.on('__proto__' as never, () => {})).toThrow(TypeError)
    expect(() => bridge.on('changed', 'alert(1)' as never)).toThrow(TypeError)
  })

  it('keeps notices that arrive before anyone listens for the first notice listener', () => {
    ipcRendererRecorder.deliver(EVENT_CHANNEL, {
      event: 'notice',
      payload: { level: 'info', message: 'early' },
    })
    const heard: unknown[] = []
    const stop = bridge.on('notice', (payload) => heard.push(payload))
    ipcRendererRecorder.deliver(EVENT_CHANNEL, {
      event: 'notice',
      payload: { level: 'info', message: 'later' },
    })
    stop()
    expect(heard).toEqual([
      { level: 'info', message: 'early' },
      { level: 'info', message: 'later' },
    ])
  })
})
