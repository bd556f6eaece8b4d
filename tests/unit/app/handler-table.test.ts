import { describe, expect, it } from 'vitest'
import { createHandlerTable } from '../../../src/main/ipc/handler-table'
import { ServiceError } from '../../../src/main/service'
import { OPERATION_NAMES, type OperationName } from '../../../src/shared/contract'
import { recordingController } from './recording-controller'

const huge = 'x'.repeat(1_000_000)

/** Arguments every handler must refuse, per operation. */
const invalid: Record<OperationName, unknown[]> = {
  listLibraries: [{ extra: 1 }, 'all', 42, JSON.parse('{"__proto__":{"polluted":1}}')],
  getLibraryItems: [
    undefined,
    {},
    { library: 1 },
    { library: '' },
    { library: '   ' },
    { library: huge },
    { library: '1', offset: -1 },
    { library: '1', offset: Number.NaN },
    { library: '1', offset: Number.POSITIVE_INFINITY },
    { library: '1', offset: 1.5 },
    { library: '1', limit: 0 },
    { library: '1', limit: 10_001 },
    { library: '1', filter: huge },
    { library: '1', extra: true },
    JSON.parse('{"library":"1","__proto__":{"polluted":1}}'),
    JSON.parse('{"library":"1","constructor":{"prototype":{"polluted":1}}}'),
  ],
  search: [
    { library: '1' },
    { library: '1', title: '' },
    { library: '1', title: huge },
    { library: ['1'], title: 'x' },
  ],
  findByFile: [{ nameOrPath: 7 }, { nameOrPath: huge }, { nameOrPath: 'a', more: 1 }],
  refreshLibrary: [{ library: '1', force: 'yes' }, {}, { library: '1', force: true, extra: 1 }],
  refreshAll: [{ force: 1 }, { everything: true }, JSON.parse('{"__proto__":{"force":true}}')],
  cancelRefresh: [{ library: '1' }, 'now', []],
  clear: [{ really: true }, null, []],
  clearLibrary: [{}, { library: null }],
  listEntries: [{ library: '1' }, 'all'],
  deleteSearch: [
    { library: '1' },
    { library: '1', title: '' },
    { library: '1', title: huge },
    { title: 'x' },
  ],
  resetStats: [{ confirm: true }],
  stats: [{ library: '1' }],
  statsHistory: [{}, { range: 'year' }, { range: 'hour', extra: 1 }],
  connectionStatus: [{ verbose: true }],
  getSettings: [{ includeToken: true }],
  setSettings: [
    { libraryTtlSeconds: 1 },
    { libraryTtlSeconds: Number.NaN },
    { sizeLimitBytes: -1 },
    { sizeLimitBytes: Number.POSITIVE_INFINITY },
    { pageSize: '500' },
    { serverUrl: 'file:///etc/passwd' },
    { serverUrl: 'javascript:alert(1)' },
    { serverUrl: `http://example.com/${huge}` },
    { token: huge },
    { keepWarm: 'true' },
    { demo: true },
    JSON.parse('{"__proto__":{"isAdmin":true}}'),
    JSON.parse('{"keepWarm":true,"__proto__":{"isAdmin":true}}'),
  ],
  trustCertificate: [
    undefined,
    { url: 'http://127.0.0.1:32400', fingerprint256: `${'AB:'.repeat(31)}AB` },
    { url: 'https://127.0.0.1:32400', fingerprint256: 'AB:CD' },
    { url: 'https://127.0.0.1:32400', fingerprint256: 'ab'.repeat(32) },
    { url: 'https://127.0.0.1:32400', fingerprint256: `${'AB:'.repeat(31)}AB`, ignoreErrors: true },
  ],
  testConnection: [
    { url: 'http://127.0.0.1:32400' },
    { url: 'ftp://127.0.0.1', token: 't' },
    { url: 'http://127.0.0.1:32400', token: '' },
    { url: 'http://127.0.0.1:32400', token: huge },
  ],
  useDemoServer: [{ port: 80 }],
  signInStart: [{ token: 'x' }],
  signInState: [{ verbose: true }],
  signInCancel: [{ now: true }],
  signInChooseServer: [
    {},
    { clientIdentifier: '' },
    { clientIdentifier: huge },
    { clientIdentifier: 'a', x: 1 },
  ],
  signInUseConnection: [
    { clientIdentifier: 'a' },
    { clientIdentifier: 'a', uri: 'file:///etc/passwd' },
    { clientIdentifier: 'a', uri: `http://example.com/${huge}` },
    { clientIdentifier: '', uri: 'http://127.0.0.1:32400' },
  ],
  signOut: [{ everywhere: true }],
  recentReads: [{ limit: 1000 }, 'all'],
  getAbout: [{ verbose: true }, 'versions'],
  // The opening operations take no path at all: a renderer cannot name what main opens.
  openDataFolder: [{ path: '/etc' }, '/etc', ['/etc']],
  showLogFile: [{ path: '/etc/passwd' }, '/etc/passwd'],
  toolsProxyStatus: [{ port: 1 }, 'port'],
}

describe('createHandlerTable', () => {
  it('has one handler per contract operation', () => {
    const table = createHandlerTable(recordingController().controller)
    expect(Object.keys(table).sort()).toEqual([...OPERATION_NAMES].sort())
  })

  it('refuses invalid arguments with INVALID_ARGUMENT and never reaches the controller', async () => {
    const { controller, calls } = recordingController()
    const table = createHandlerTable(controller)
    for (const operation of OPERATION_NAMES) {
      for (const args of invalid[operation]) {
        const answer = await table[operation](args)
        expect(answer, `${operation} ${JSON.stringify(args)?.slice(0, 80)}`).toEqual({
          ok: false,
          error: { code: 'INVALID_ARGUMENT', message: expect.any(String) },
        })
        if (!answer.ok) expect(answer.error.message.length).toBeLessThanOrEqual(300)
      }
    }
    expect(calls).toEqual([])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('keeps an unrecognised key from making the message huge', async () => {
    const table = createHandlerTable(recordingController().controller)
    const answer = await table.stats({ [huge]: 1 })
    expect(answer.ok).toBe(false)
    if (!answer.ok) expect(answer.error.message.length).toBeLessThanOrEqual(300)
  })

  it('hands valid, parsed arguments to the controller and wraps the result', async () => {
    const { controller, calls } = recordingController((operation) => ({ answered: operation }))
    const table = createHandlerTable(controller)
    await expect(table.getLibraryItems({ library: ' Movies ', offset: 0, limit: 5 })).resolves.toEqual({
      ok: true,
      value: { answered: 'getLibraryItems' },
    })
    await expect(table.refreshAll(undefined)).resolves.toMatchObject({ ok: true })
    expect(calls).toEqual([
      { operation: 'getLibraryItems', args: { library: 'Movies', offset: 0, limit: 5 } },
      { operation: 'refreshAll', args: undefined },
    ])
  })

  it('maps a ServiceError to its code and message', async () => {
    const { controller } = recordingController(() => {
      throw new ServiceError('UNREACHABLE', 'Plex did not answer.')
    })
    await expect(createHandlerTable(controller).listLibraries({})).resolves.toEqual({
      ok: false,
      error: { code: 'UNREACHABLE', message: 'Plex did not answer.' },
    })
  })

  it('answers anything else with a generic INTERNAL, never its message or stack', async () => {
    const { controller } = recordingController(() => {
      throw new TypeError('Cannot read properties of undefined (reading secret-internal-detail)')
    })
    const seen: unknown[] = []
    const table = createHandlerTable(controller, (_operation, error) => seen.push(error))
    const answer = await table.stats({})
    expect(answer).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.any(String) } })
    expect(JSON.stringify(answer)).not.toContain('secret-internal-detail')
    expect(JSON.stringify(answer)).not.toContain('    at ')
    expect(seen).toHaveLength(1)
  })

  it('never throws, even for arguments that explode when read', async () => {
    const { controller, calls } = recordingController()
    const table = createHandlerTable(controller, () => {})
    const hostile = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('boom')
        },
      },
    )
    const answer = await table.clear(hostile)
    expect(answer.ok).toBe(false)
    expect(calls).toEqual([])
  })
})
