import { expect, test } from './support/bridge-fixtures'
import { listLibrariesInPage } from './support/page-bridge'

// Flow 5: a TTL running out turns the badge to expired; Plex going away then makes it stale.

const HOUR_MS = 3600 * 1000

test('a forced expiry shows "Expired"; Plex in maintenance then makes it stale, with the offline banner', async ({
  app,
  plex,
  page,
  bridge,
  clock,
  connectToPlex,
}, testInfo) => {
  await connectToPlex()
  // Nothing may refresh behind the test's back once the clock jumps.
  await bridge.handlers.setSettings({ keepWarm: false })
  // The page's clock runs on as usual until the test moves it, along with the core's.
  await page.clock.install()
  const advance = async (ms: number) => {
    clock.advance(ms)
    await page.clock.fastForward(ms)
  }

  await app.open()
  await app.libraries.waitUntilListed()
  await app.libraries.refresh('Movies')
  await expect(app.libraries.state('Movies')).toHaveText('Fresh')

  // Two minutes before the hour is up: "expiring soon" (within 5 minutes, or 10% of the TTL).
  await advance(HOUR_MS - 2 * 60 * 1000)
  await expect(app.libraries.state('Movies')).toHaveText('Expiring soon')
  await expect(app.libraries.countdown('Movies')).toHaveText(/^[12]:\d\d$/)

  await advance(3 * 60 * 1000)
  await expect(app.libraries.state('Movies')).toHaveText('Expired')
  await expect(app.libraries.countdown('Movies')).toHaveText('expired')
  // Main agrees: its own clock has passed the TTL too (the view re-reads when a countdown runs out).
  await expect.poll(async () => (await listLibrariesInPage(page))[0]?.state).toBe('expired')
  await expect(app.offlineBanner()).toBeHidden()

  plex.controls.setMaintenance(true)
  await app.libraries.refresh('Movies')
  await expect(app.offlineBanner()).toBeVisible()
  await expect(app.offlineBanner()).toContainText('Showing cached data')
  await expect(app.libraries.state('Movies')).toHaveText('Stale · offline')
  await expect(app.libraries.itemCount('Movies')).toHaveText('250')
  await expect(app.toasts().first()).toBeVisible()
  await page.screenshot({ path: testInfo.outputPath('offline-banner-light.png'), fullPage: true })
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.screenshot({ path: testInfo.outputPath('offline-banner-dark.png'), fullPage: true })

  // The banner is there on every tab.
  await app.openTab('settings')
  await expect(app.offlineBanner()).toBeVisible()
  await app.openTab('libraries')

  plex.controls.setMaintenance(false)
  await app.libraries.refresh('Movies')
  await expect(app.libraries.state('Movies')).toHaveText('Fresh')
  await expect(app.offlineBanner()).toBeHidden()
})
