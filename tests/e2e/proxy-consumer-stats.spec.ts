import type { FakePlexServer } from '../../src/fake-plex'
import { createCore, type Core } from '../../src/main/core'
import { startCacheProxy } from '../../src/main/proxy'
import { DEFAULT_SETTINGS } from '../../src/main/service'
import { StatsPage } from './pages/stats-page'
import { expect, test } from './support/bridge-fixtures'
import type { TestClock } from './support/test-clock'

/** `plex-cache serve` as another process would run it: its own core on the same cache file. */
function openServeCore(dataDir: string, plex: FakePlexServer, clock: TestClock): Core {
  return createCore({
    dataDir,
    fetch: (url, init) => fetch(url, init),
    clientIdentifier: 'e2e-proxy-serve',
    clientTuning: { retries: 1, sleep: async () => {}, timeoutMs: 5_000 },
    clock: clock.now,
    settings: { ...DEFAULT_SETTINGS, serverUrl: plex.url, token: plex.token, keepWarm: false },
  })
}

test('a tool reading through the proxy gets its own row: hits, misses, requests passed to Plex, bytes served', async ({
  app,
  clock,
  connectToPlex,
  dataDir,
  page,
  plex,
}) => {
  await connectToPlex()
  const core = openServeCore(dataDir, plex, clock)
  const proxy = await startCacheProxy({ service: core.service, port: 0 })
  try {
    const asTool = { headers: { 'X-Plex-Token': plex.token, 'X-Plex-Product': 'Stash2Plex' } }
    const listing = `${proxy.url}/library/sections/1/all?X-Plex-Container-Start=0&X-Plex-Container-Size=50`
    expect((await fetch(listing, asTool)).status).toBe(200)
    expect((await fetch(listing, asTool)).status).toBe(200)
    expect((await fetch(`${proxy.url}/library/metadata/1001`, asTool)).status).toBeLessThan(500)
    core.cache.flushStats()
  } finally {
    await proxy.close()
    await core.close()
  }
  await app.open()
  const stats = new StatsPage(page)
  await stats.open()
  const row = stats.consumerRow('Stash2Plex')
  await expect(row.getByTestId('consumer-hits')).toHaveText('1')
  await expect(row.getByTestId('consumer-misses')).toHaveText('1')
  await expect(row.getByTestId('consumer-passed-through')).toHaveText('1')
  await expect(row.getByTestId('consumer-stale')).toHaveText('0')
  await expect(row.getByTestId('consumer-bytes-served')).toHaveText(/\d+(\.\d)? (B|KB|MB)$/)
  await expect(row.getByTestId('consumer-bytes-served')).not.toHaveText('0 B')
  expect(app.problems.messages).toEqual([])
})
