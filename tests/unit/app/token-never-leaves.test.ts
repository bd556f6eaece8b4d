import { describe, expect, it } from 'vitest'
import { createHandlerTable } from '../../../src/main/ipc/handler-table'
import { OPERATION_NAMES, type OperationName } from '../../../src/shared/contract'
import { fakePlex } from '../../support/fake-plex'
import { openController } from './support'

const TOKEN = 'TOKEN-d41d8cd98f00b204e9800998ecf8427e'
const DATASET = { movies: 25, shows: 1, seasonsPerShow: 1, episodesPerSeason: 2, artists: 1, photos: 2 }

describe('the Plex token never reaches the renderer', () => {
  it('appears in no envelope and no event, whatever is asked and whatever fails', async () => {
    const fake = await fakePlex({ dataset: DATASET, token: TOKEN })
    for (const vault of [undefined, null]) {
      const { controller, events } = await openController({ vault })
      const table = createHandlerTable(controller, () => {})
      const envelopes: unknown[] = []
      const call = async (operation: OperationName, args?: unknown) => {
        const envelope = await table[operation](args)
        envelopes.push(envelope)
        return envelope
      }

      expect(await call('setSettings', { serverUrl: fake.url, token: TOKEN, pageSize: 50 })).toMatchObject({
        ok: true,
      })
      const everyCall: Array<[OperationName, unknown]> = [
        ['getSettings', {}],
        ['listLibraries', {}],
        ['refreshAll', { force: true }],
        ['getLibraryItems', { library: '1', limit: 100 }],
        ['getLibraryItems', { library: 'No Such Library' }],
        ['search', { library: '1', title: 'the' }],
        ['findByFile', { nameOrPath: '/' }],
        ['refreshLibrary', { library: '2', force: true }],
        ['stats', {}],
        ['statsHistory', { range: 'day' }],
        ['connectionStatus', {}],
        ['testConnection', { url: fake.url, token: TOKEN }],
        ['testConnection', { url: 'http://127.0.0.1:9', token: TOKEN }],
        ['testConnection', { url: fake.url, token: `${TOKEN}-wrong` }],
        ['clearLibrary', { library: '3' }],
        ['setSettings', { token: TOKEN, searchTtlSeconds: 600 }],
        ['setSettings', { token: `${TOKEN}${'x'.repeat(600)}` }],
      ]
      for (const [operation, args] of everyCall) await call(operation, args)

      // Failures whose messages could carry a URL with the token in it.
      for (const fault of ['maintenance', 'malformed', 'status', 'drop'] as const) {
        fake.controls.reset()
        if (fault === 'maintenance') fake.controls.setMaintenance(true)
        if (fault === 'malformed') fake.controls.setMalformedJson(true)
        if (fault === 'status') fake.controls.setForcedStatus('/library', 500)
        if (fault === 'drop') fake.controls.setDropConnections(true)
        await call('refreshLibrary', { library: '1', force: true })
        await call('search', { library: '1', title: `fault ${fault}` })
        await call('testConnection', { url: fake.url, token: TOKEN })
      }
      fake.controls.reset()
      for (const operation of OPERATION_NAMES) {
        if (operation !== 'useDemoServer') await call(operation, {})
      }

      const failures = envelopes.filter((envelope) => !(envelope as { ok: boolean }).ok)
      expect(failures.length).toBeGreaterThan(5)
      expect(events.length).toBeGreaterThan(5)
      const sent = JSON.stringify({ envelopes, events })
      expect(sent).not.toContain(TOKEN)
      expect(sent).toContain('"tokenSet":true')
    }
  })
})
