import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { createCore } from '../../src/main/core'
import { DEFAULT_SETTINGS } from '../../src/main/service'
import type { PlexCacheBridge } from '../../src/shared/contract'
import { AboutPage, RecentReadsPanel } from './pages/about-page'
import { StatsPage } from './pages/stats-page'
import { expect, test } from './support/bridge-fixtures'

type PageGlobals = { plexCache: PlexCacheBridge }

const packageVersion = (
  JSON.parse(readFileSync(path.join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as {
    version: string
  }
).version

test('About shows the versions and where the data and the log are, and its buttons ask main to open them', async ({
  app,
  bridge,
  connectToPlex,
  dataDir,
  page,
  plex,
}) => {
  await connectToPlex()
  await app.open()
  const about = new AboutPage(page)
  await about.open()
  await expect(about.fact('app-version')).toHaveText(packageVersion)
  await expect(about.fact('node-version')).toHaveText(process.versions.node)
  // The bridge runs the main process's code under plain Node: no Electron, and the browser's own engine.
  await expect(about.fact('electron-version')).toHaveText('—')
  await expect(about.fact('chromium-version')).toHaveText(/^\d+\.[\d.]+ \(this browser\)$/)
  const logFile = path.join(dataDir, 'logs', 'plex-cache.log')
  await expect(about.fact('data-dir')).toHaveText(dataDir)
  await expect(about.fact('log-file')).toHaveText(logFile)

  await about.openDataFolderButton().click()
  await about.showLogFileButton().click()
  await expect.poll(() => bridge.openedPaths).toEqual([`open ${dataDir}`, `show ${logFile}`])
  await expect(app.toasts()).toHaveCount(0)
  // The log the button shows exists, and holds the connection made with the token, but never the token.
  const log = readFileSync(bridge.logFile, 'utf8')
  expect(log).toContain('Server set to')
  expect(log).not.toContain(plex.token)
})

async function windowReads(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await (globalThis as unknown as PageGlobals).plexCache.getLibraryItems({ library: '1', limit: 5 })
  })
}

test("Statistics lists a tool's reads live, newest first, and never the window's own", async ({
  app,
  connectToPlex,
  dataDir,
  page,
  plex,
  clock,
}) => {
  await connectToPlex()
  await app.open()
  const stats = new StatsPage(page)
  await stats.open()
  const recent = new RecentReadsPanel(page)
  await expect(recent.empty()).toBeVisible()

  // The window's own browsing is inspection: never listed.
  await windowReads(page)

  // Another process on the same cache file, as the CLI opens it.
  const tool = createCore({
    dataDir,
    fetch: (url, init) => fetch(url, init),
    clientIdentifier: 'e2e-recent-reads-tool',
    clientTuning: { retries: 1, sleep: async () => {}, timeoutMs: 5_000 },
    clock: clock.now,
    settings: { ...DEFAULT_SETTINGS, serverUrl: plex.url, token: plex.token, keepWarm: false },
  })
  try {
    await tool.service.getLibraryItems({ library: '1', limit: 20 }, { consumer: 'cli' })
    await tool.service.search({ library: '1', title: 'the' }, { consumer: 'cli' })
    // What the proxy records for a tool's request it sends on to Plex.
    tool.service.forProxy.countPassedThrough('Stash2Plex', {
      method: 'GET',
      path: '/library/metadata/1001',
      answered: true,
    })
    tool.cache.flushStats()
  } finally {
    await tool.close()
  }

  // No reload: the window hears that another process wrote to the file.
  await expect(recent.rows()).toHaveCount(3, { timeout: 10_000 })
  const passed = recent.rows().nth(0)
  await expect(passed.getByTestId('recent-read-consumer')).toHaveText('Stash2Plex')
  await expect(passed.getByTestId('recent-read-what')).toHaveText('GET /library/metadata/1001')
  await expect(passed.getByTestId('recent-read-outcome')).toHaveText('Passed to Plex')
  const search = recent.rows().nth(1)
  await expect(search.getByTestId('recent-read-consumer')).toHaveText('Command line')
  await expect(search.getByTestId('recent-read-what')).toHaveText('Search “the” in Movies')
  const oldest = recent.rows().nth(2)
  await expect(oldest.getByTestId('recent-read-what')).toHaveText('Movies')
  // The window's own read had fetched Movies already: the tool's page came from the cache.
  await expect(oldest).toHaveAttribute('data-outcome', 'hit')
  await expect(oldest.getByTestId('recent-read-outcome')).toHaveText('Hit')
})
