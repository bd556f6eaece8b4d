import type { Locator, Page } from '@playwright/test'
import type { AppPage } from './pages/app-page'
import { expect, test } from './support/bridge-fixtures'

// Issue 13 §2: calm, accurate errors. One summary toast per action, never over a button, gone when
// its cause is; each connection trouble in its own words, with the library list kept.

const SIZES = [
  { width: 1100, height: 720 },
  { width: 720, height: 480 },
]

/** The toasts' text, without their dismiss buttons. */
function toastMessages(page: Page): Locator {
  return page.getByTestId('toast-message')
}

const TITLES = ['Movies', 'TV Shows', 'Music', 'Photos']

/** A whole Refresh all, finished: every library fresh before the test breaks the server. */
async function cacheEveryLibrary(libraries: AppPage['libraries']): Promise<void> {
  await libraries.refreshAll()
  for (const title of TITLES) await expect(libraries.state(title)).toHaveText('Fresh')
}

type Box = { x: number; y: number; width: number; height: number }

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
}

/** Every button of the page outside the toasts that a toast's box covers, named for the failure message. */
async function buttonsUnder(page: Page, toasts: Locator): Promise<string[]> {
  const toastBoxes = (await Promise.all((await toasts.all()).map((toast) => toast.boundingBox()))).filter(
    (box): box is Box => box !== null,
  )
  expect(toastBoxes.length).toBeGreaterThan(0)
  const covered: string[] = []
  for (const button of await page.locator('button:visible').all()) {
    if (await button.evaluate((element) => element.closest('[data-testid="toasts"]') !== null)) continue
    const box = await button.boundingBox()
    if (box && toastBoxes.some((toast) => overlaps(toast, box)))
      covered.push((await button.getAttribute('aria-label')) ?? (await button.innerText()))
  }
  return covered
}

test('Refresh all during maintenance: one summary toast, clear of every button, gone when Plex is back', async ({
  app,
  page,
  plex,
  bridge,
  connectToPlex,
}, testInfo) => {
  await connectToPlex()
  // Nothing may ask Plex behind the test's back: only the test brings the server back.
  await bridge.handlers.setSettings({ keepWarm: false })
  await app.open()
  await app.libraries.waitUntilListed()
  await cacheEveryLibrary(app.libraries)

  plex.controls.setMaintenance(true)
  await app.libraries.refreshAll()
  await expect(app.toasts()).toHaveCount(1)
  await expect(toastMessages(app.page)).toHaveText(
    '4 of 4 libraries could not be refreshed: Plex is in maintenance (503)',
  )
  await expect(app.offlineBanner()).toHaveAttribute('data-problem', 'maintenance')
  await expect(app.offlineBanner()).toContainText('Plex is in maintenance (503).')
  await expect(page.getByTestId('connection-status')).toContainText('Maintenance')
  // The list stays, each row with its state.
  await expect(app.libraries.rows()).toHaveCount(4)
  // Still one after a second try: the same failure again replaces the toast rather than adding one.
  await app.libraries.refreshAll()
  await expect(app.toasts()).toHaveCount(1)

  for (const size of SIZES) {
    await page.setViewportSize(size)
    await expect(app.toasts()).toBeVisible()
    expect(
      await buttonsUnder(page, app.toasts()),
      `buttons under the toast at ${size.width}×${size.height}`,
    ).toEqual([])
    await page.screenshot({ path: testInfo.outputPath(`maintenance-toast-${size.width}x${size.height}.png`) })
  }

  // Plex leaves maintenance; something asks it again (here the test, as keep-warm's probe would).
  plex.controls.setMaintenance(false)
  const status = await bridge.handlers.connectionStatus({ check: true })
  expect(status).toMatchObject({ ok: true, value: { state: 'online' } })
  await expect(app.toasts()).toHaveCount(0)
  await expect(app.offlineBanner()).toBeHidden()
  await expect(page.getByTestId('connection-status')).toContainText('Online')
})

test('a toast about a view does not follow the user to another tab', async ({
  app,
  plex,
  bridge,
  connectToPlex,
}) => {
  await connectToPlex()
  await bridge.handlers.setSettings({ keepWarm: false })
  await app.open()
  await app.libraries.waitUntilListed()
  plex.controls.setMaintenance(true)
  await app.libraries.refresh('Movies')
  await expect(toastMessages(app.page)).toHaveText(
    'Movies could not be refreshed: Plex is in maintenance (503)',
  )
  await app.openTab('statistics')
  await expect(app.toasts()).toHaveCount(0)
  // The banner is about the app, so it stays on every tab.
  await expect(app.offlineBanner()).toBeVisible()
})

test('a rejected token reads as such, offers its actions, and the library list stays, after a reload too', async ({
  app,
  page,
  bridge,
  clock,
  connectToPlex,
}, testInfo) => {
  await connectToPlex()
  await bridge.handlers.setSettings({ keepWarm: false })
  await app.open()
  await app.libraries.waitUntilListed()
  await cacheEveryLibrary(app.libraries)

  // The token is revoked on the server (here: replaced by one the server never issued), and the
  // cached section list has expired, so the next look at the libraries asks Plex.
  await bridge.handlers.setSettings({ token: 'revoked-token' })
  clock.advance(2 * 3600 * 1000)
  await page.reload()
  await app.libraries.waitUntilListed()
  await expect(app.offlineBanner()).toHaveAttribute('data-problem', 'token-rejected')
  await expect(app.offlineBanner()).toContainText('Plex rejected the token.')
  await expect(app.offlineBanner()).not.toContainText('unreachable')
  await expect(page.getByTestId('connection-status')).toContainText('Token rejected')
  await expect(app.libraries.rows()).toHaveCount(4)
  await expect(app.libraries.itemCount('Movies')).toHaveText('250')
  await page.screenshot({ path: testInfo.outputPath('token-rejected.png') })

  // A server set up by URL and token: a new token goes where the old one was.
  await expect(page.getByTestId('sign-in-again')).toHaveText('Enter a new token')
  await page.getByTestId('open-settings').click()
  await app.expectView('settings')
  await expect(app.offlineBanner()).toBeVisible()
  expect(await page.content()).not.toContain('revoked-token')
})
