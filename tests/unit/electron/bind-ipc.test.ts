import { beforeEach, describe, expect, it, vi } from 'vitest'
import { channelFor, EVENT_CHANNEL, OPERATION_NAMES, type OperationName } from '../../../src/shared/contract'
import { recordingController } from '../app/recording-controller'
import { FakeBrowserWindow, FakeFrame, FakeWebContents, ipcMainRecorder } from './electron-recorder'

vi.mock('electron', async () => (await import('./electron-recorder')).electronModule)

const { bindIpc } = await import('../../../src/main/ipc/bind-ipc')

const PAGE = 'app://plex-cache/index.html'

function setUp(options: { renderer?: { devServerUrl?: string } } = {}) {
  const recording = recordingController((operation) => `${operation} answered`)
  const window = new FakeBrowserWindow({})
  window.webContents.finishLoading(PAGE)
  let current: FakeBrowserWindow | null = window
  const binding = bindIpc({
    controller: recording.controller,
    getWindow: () => current as never,
    renderer: options.renderer ?? {},
  })
  binding.attachWindow(window as never)
  const invoke = (operation: OperationName, event: unknown, args: unknown = {}) => {
    const handler = ipcMainRecorder.handlers.get(channelFor(operation))
    if (!handler) throw new Error(`${operation} is not handled`)
    return handler(event, args)
  }
  const fromWindow = () => ({ sender: window.webContents, senderFrame: window.webContents.mainFrame })
  return {
    ...recording,
    window,
    binding,
    invoke,
    fromWindow,
    setWindow: (next: FakeBrowserWindow | null) => (current = next),
  }
}

beforeEach(() => {
  ipcMainRecorder.handlers.clear()
})

describe('bindIpc', () => {
  it('handles exactly the contract channels', () => {
    const { binding } = setUp()
    expect(new Set(ipcMainRecorder.handlers.keys())).toEqual(new Set(OPERATION_NAMES.map(channelFor)))
    binding.dispose()
    expect(ipcMainRecorder.handlers.size).toBe(0)
  })

  it('answers our own window with an envelope from the controller', async () => {
    const { invoke, fromWindow, calls } = setUp()
    await expect(invoke('listLibraries', fromWindow())).resolves.toEqual({
      ok: true,
      value: 'listLibraries answered',
    })
    await expect(invoke('search', fromWindow(), { library: 'Movies', title: 'Up' })).resolves.toMatchObject({
      ok: true,
    })
    expect(calls).toEqual([
      { operation: 'listLibraries', args: {} },
      { operation: 'search', args: { library: 'Movies', title: 'Up' } },
    ])
  })

  it('refuses every foreign sender with FORBIDDEN, before validation or the controller', async () => {
    const { invoke, window, calls, setWindow } = setUp()
    const other = new FakeWebContents()
    other.finishLoading(PAGE)
    const senders = {
      'another webContents': { sender: other, senderFrame: other.mainFrame },
      'a subframe of our window': {
        sender: window.webContents,
        senderFrame: new FakeFrame(PAGE, window.webContents.mainFrame),
      },
      'a frame already gone': { sender: window.webContents, senderFrame: null },
      'our window showing a remote page': {
        sender: window.webContents,
        senderFrame: new FakeFrame('https://evil.example/'),
      },
      'our window showing a local file': {
        sender: window.webContents,
        senderFrame: new FakeFrame('file:///opt/plex-cache/out/renderer/index.html'),
      },
      'our window showing a data: page': {
        sender: window.webContents,
        senderFrame: new FakeFrame('data:text/html,<p>hi</p>'),
      },
      'our window showing another app: host': {
        sender: window.webContents,
        senderFrame: new FakeFrame('app://evil/index.html'),
      },
    }
    for (const [name, event] of Object.entries(senders)) {
      const answer = await invoke('clear', event)
      expect(answer, name).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.any(String) } })
    }
    setWindow(null)
    const noWindow = await invoke('clear', {
      sender: window.webContents,
      senderFrame: window.webContents.mainFrame,
    })
    expect(noWindow).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(calls).toEqual([])
  })

  it('accepts the dev server page only when it is the configured one', async () => {
    const { invoke, window, calls } = setUp({
      renderer: { devServerUrl: 'http://localhost:5173/' },
    })
    window.webContents.mainFrame.url = 'http://localhost:5173/#/settings'
    await expect(
      invoke('stats', { sender: window.webContents, senderFrame: window.webContents.mainFrame }),
    ).resolves.toMatchObject({ ok: true })
    window.webContents.mainFrame.url = 'http://localhost:5174/'
    await expect(
      invoke('stats', { sender: window.webContents, senderFrame: window.webContents.mainFrame }),
    ).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(calls).toHaveLength(1)
  })

  it('validates arguments from our own window before the controller sees them', async () => {
    const { invoke, fromWindow, calls } = setUp()
    const answer = await invoke('getLibraryItems', fromWindow(), { library: '1', offset: -1 })
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    expect(calls).toEqual([])
  })

  it('forwards controller events to the window on the event channel', () => {
    const { emit, window } = setUp()
    emit({ event: 'changed', payload: { library: '1' } })
    emit({ event: 'stats', payload: {} })
    expect(window.webContents.sent).toEqual([
      { channel: EVENT_CHANNEL, message: { event: 'changed', payload: { library: '1' } } },
      { channel: EVENT_CHANNEL, message: { event: 'stats', payload: {} } },
    ])
  })

  it('holds notices while the page loads and delivers them once it has', () => {
    const { emit, window } = setUp()
    window.webContents.loading = true
    emit({ event: 'notice', payload: { level: 'warning', message: 'The cache file was damaged.' } })
    emit({ event: 'stats', payload: {} })
    expect(window.webContents.sent).toEqual([])
    window.webContents.finishLoading(PAGE)
    expect(window.webContents.sent).toEqual([
      {
        channel: EVENT_CHANNEL,
        message: { event: 'notice', payload: { level: 'warning', message: 'The cache file was damaged.' } },
      },
    ])
  })

  it('sends events only while our page is shown, holding notices for when it is back', () => {
    const { emit, window } = setUp()
    window.webContents.finishLoading('data:text/html,failed')
    emit({ event: 'stats', payload: {} })
    emit({ event: 'notice', payload: { level: 'error', message: 'Plex refused the token.' } })
    expect(window.webContents.sent).toEqual([])
    window.webContents.finishLoading(PAGE)
    expect(window.webContents.sent).toEqual([
      {
        channel: EVENT_CHANNEL,
        message: { event: 'notice', payload: { level: 'error', message: 'Plex refused the token.' } },
      },
    ])
  })

  it('stops forwarding after dispose', () => {
    const { emit, window, binding, listenerCount } = setUp()
    binding.dispose()
    expect(listenerCount()).toBe(0)
    emit({ event: 'stats', payload: {} })
    expect(window.webContents.sent).toEqual([])
  })
})
