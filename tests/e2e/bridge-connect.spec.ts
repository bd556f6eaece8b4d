import type { PlexCacheBridge } from '../../src/shared/contract'
import { expect, test } from './support/bridge-fixtures'

// The whole path: renderer → window.plexCache → bridge → handler table → service → SQLite → fake Plex.

// What the page sees as window.plexCache (tests/ are type-checked without DOM types).
type PageGlobals = { plexCache: PlexCacheBridge }

test('connects to Plex, lists its libraries, refreshes one and shows its item count', async ({
  app,
  plex,
  page,
}, testInfo) => {
  await app.open()
  await app.expectView('onboarding')

  await app.onboarding.fill(plex.url, plex.token)
  await app.onboarding.testConnection()
  await expect(app.onboarding.result()).toContainText('Fake Plex')
  await expect(app.onboarding.result()).toContainText('4 libraries')
  await app.onboarding.connect()

  await app.expectView('libraries')
  await app.libraries.waitUntilListed()
  expect(await app.libraries.titles()).toEqual(['Movies', 'TV Shows', 'Music', 'Photos'])
  await expect(app.libraries.state('Movies')).toHaveText('Not cached')
  await expect(app.connectionServer()).toContainText('Fake Plex')

  // Small pages, each a little slow, so the refresh is long enough to watch its progress bar fill.
  plex.controls.setMaxPageSize(25)
  plex.controls.setLatency(300)
  await app.libraries.refresh('Movies')
  await expect(app.libraries.progress('Movies')).toHaveAttribute('aria-valuemax', '250')
  await expect(app.libraries.progress('Movies')).not.toHaveAttribute('aria-valuenow', '0')
  await page.screenshot({ path: testInfo.outputPath('libraries-refreshing.png'), fullPage: true })
  await expect(app.libraries.itemCount('Movies')).toHaveText('250')
  plex.controls.reset()
  await expect(app.libraries.state('Movies')).toHaveText('Fresh')
  await expect(app.libraries.countdown('Movies')).toHaveText(/^\d+h \d\dm$|^\d+m \d\ds$/)
  await expect(app.libraries.itemCount('TV Shows')).toHaveText('—')

  // The count came from SQLite through the core, not from the page: the same core answers directly.
  const listed = await page.evaluate(() => (globalThis as unknown as PageGlobals).plexCache.listLibraries())
  expect(listed.ok && listed.value.find((row) => row.key === '1')?.itemCount).toBe(250)

  await app.libraries.refreshAll()
  await expect(app.libraries.itemCount('TV Shows')).toHaveText('60') // 5 shows × 2 seasons × 6 episodes
  await expect(app.libraries.rows().getByTestId('library-state')).toHaveText([
    'Fresh',
    'Fresh',
    'Fresh',
    'Fresh',
  ])

  await page.screenshot({ path: testInfo.outputPath('libraries-light.png'), fullPage: true })
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.screenshot({ path: testInfo.outputPath('libraries-dark.png'), fullPage: true })
  expect(app.problems.messages).toEqual([])
})

test('a wrong token shows a clear error and saves nothing', async ({ app, plex, page, bridge }, testInfo) => {
  await app.open()
  await app.onboarding.fill(plex.url, 'not-the-token')

  await app.onboarding.testConnection()
  await expect(app.onboarding.error()).toContainText(/token/i)

  await app.onboarding.connect()
  await expect(app.onboarding.error()).toContainText(/token/i)
  await app.expectView('onboarding')
  await page.screenshot({ path: testInfo.outputPath('onboarding-wrong-token.png'), fullPage: true })

  const settings = await bridge.handlers.getSettings(undefined)
  expect(settings).toMatchObject({ ok: true, value: { serverUrl: null, tokenSet: false } })
  await page.reload()
  await app.expectView('onboarding')
})

test('a server that cannot be reached is explained, not saved', async ({ app, bridge }) => {
  await app.open()
  // Port 9 (discard) on loopback: nothing listens there.
  await app.onboarding.fill('http://127.0.0.1:9', 'any-token')
  await app.onboarding.connect()
  await expect(app.onboarding.error()).toBeVisible()
  await app.expectView('onboarding')
  expect(await bridge.handlers.getSettings(undefined)).toMatchObject({ ok: true, value: { serverUrl: null } })
})
