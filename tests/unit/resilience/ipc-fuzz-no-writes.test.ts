import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createHandlerTable, type HandlerTable } from '../../../src/main/ipc/handler-table'
import { OPERATION_NAMES } from '../../../src/shared/contract'
import { openController } from '../app/support'
import { fakePlex } from '../../support/fake-plex'
import { invalidArgs } from './ipc-fuzz-arbitraries'

/**
 * Issue 7, "Hostile IPC input ... nothing is written": the same generated arguments, through the
 * handlers over the REAL app (a cache on disk, settings in a file, a fake Plex on loopback). The
 * cache entries, the settings and the settings file's bytes are the same afterwards, and Plex
 * was never asked anything.
 */

const CALLS_PER_OPERATION = 25
const DATASET = { movies: 30, shows: 1, seasonsPerShow: 1, episodesPerSeason: 2, artists: 0, photos: 0 }

async function snapshot(table: HandlerTable, settingsFile: string) {
  return {
    entries: await table.listEntries(undefined),
    settings: await table.getSettings(undefined),
    settingsBytes: fs.readFileSync(settingsFile),
  }
}

describe('hostile IPC arguments against the real app', () => {
  it('are all refused, and nothing is written or fetched', { timeout: 20_000 }, async () => {
    const fake = await fakePlex({ dataset: DATASET })
    const { controller, dataDir } = await openController()
    const table = createHandlerTable(controller)
    // A configured app with something cached and a search remembered: there is data to damage.
    expect(await table.setSettings({ serverUrl: fake.url, token: fake.token, pageSize: 50 })).toMatchObject({
      ok: true,
    })
    expect(await table.getLibraryItems({ library: '1', limit: 5 })).toMatchObject({ ok: true })
    expect(await table.search({ library: '1', title: 'a' })).toMatchObject({ ok: true })
    const settingsFile = path.join(dataDir, 'settings.json')
    const before = await snapshot(table, settingsFile)
    expect(before.entries).toMatchObject({ ok: true, value: [expect.anything(), expect.anything()] })
    fake.controls.clearRequestLog()

    for (const operation of OPERATION_NAMES) {
      const hostile = fc.sample(invalidArgs(operation), { numRuns: CALLS_PER_OPERATION, seed: 7_2026 })
      for (const args of hostile) {
        const answer = await table[operation](args)
        expect(answer, operation).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
      }
    }

    expect(await snapshot(table, settingsFile)).toEqual(before)
    expect(fake.controls.requestLog()).toEqual([])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})
