import { expect, test } from './support/bridge-fixtures'
import { listLibrariesInPage } from './support/page-bridge'

// Flow 1: onboarding. The whole path: renderer → window.plexCache → bridge → handler table →
// service → SQLite → fake Plex.

test('"Try the demo server" starts the bundled server; the tabs are keyboard-driven', async ({
  app,
  page,
}, testInfo) => {
  await app.open()
  await app.expectView('onboarding')
  await expect(app.tab('libraries')).toBeHidden()
  await page.screenshot({ path: testInfo.outputPath('onboarding-light.png'), fullPage: true })
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.screenshot({ path: testInfo.outputPath('onboarding-dark.png'), fullPage: true })
  await page.emulateMedia({ colorScheme: 'light' })

  await app.onboarding.useDemo()
  await app.expectView('libraries')
  await app.libraries.waitUntilListed()
  await expect(app.connectionServer()).toContainText('Demo')
  expect(await app.libraries.titles()).toEqual(['Movies', 'TV Shows', 'Music', 'Photos'])
  await app.libraries.refresh('Movies')
  await expect(app.libraries.itemCount('Movies')).toHaveText('120')

  // The tab list is one Tab stop; arrows move between tabs and select them (WAI-ARIA tabs).
  await expect(app.tab('libraries')).toHaveAttribute('aria-selected', 'true')
  await app.tab('libraries').focus()
  await page.keyboard.press('ArrowRight')
  await app.expectView('statistics')
  await expect(app.tab('statistics')).toBeFocused()
  await expect(app.tab('statistics')).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('End')
  await app.expectView('about')
  await page.keyboard.press('ArrowLeft')
  await app.expectView('settings')
  await page.keyboard.press('End')
  await page.keyboard.press('ArrowRight')
  await app.expectView('libraries')

  // Disconnecting leaves demo mode and returns to onboarding.
  await page.getByTestId('disconnect').click()
  await page.getByTestId('disconnect-dialog').getByTestId('dialog-confirm').click()
  await app.expectView('onboarding')
  expect(app.problems.messages).toEqual([])
})

test('connects with a real URL and token after testing them', async ({ app, plex, page }) => {
  await app.open()
  await app.onboarding.fill(plex.url, plex.token)
  await app.onboarding.testConnection()
  await expect(app.onboarding.result()).toContainText('Fake Plex')
  await expect(app.onboarding.result()).toContainText(/Plex \d+\.\d+/)
  await expect(app.onboarding.result()).toContainText('4 libraries')
  await app.onboarding.connect()

  await app.expectView('libraries')
  await app.libraries.waitUntilListed()
  expect(await app.libraries.titles()).toEqual(['Movies', 'TV Shows', 'Music', 'Photos'])
  await expect(app.libraries.state('Movies')).toHaveText('Not cached')
  await expect(app.connectionServer()).toContainText('Fake Plex')
  expect((await listLibrariesInPage(page)).map((row) => row.state)).toEqual(Array(4).fill('missing'))

  // The token is write-only: the settings say only that one is set, and how it is kept.
  await app.openTab('settings')
  await expect(app.settings.tokenStatus()).toHaveAttribute('data-token-storage', 'encrypted')
  await expect(app.settings.input('token')).toHaveValue('')
  await expect(app.settings.input('server-url')).toHaveValue(plex.url)
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
