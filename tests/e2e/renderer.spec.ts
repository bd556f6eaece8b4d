import { expect, test } from '@playwright/test'
import { recordPageProblems } from './support/page-problems'

// The built renderer on its own, served over loopback with no bridge, in real Chromium under its own
// Content-Security-Policy: what a page sees when window.plexCache is absent.

test('without window.plexCache the renderer says it is not connected, and does not crash', async ({
  page,
}, testInfo) => {
  const problems = await recordPageProblems(page)
  await page.goto('/')

  await expect(page.getByTestId('app-ready')).toHaveAttribute('data-view', 'no-bridge')
  await expect(page.getByRole('heading', { level: 1, name: 'Plex Cache' })).toBeVisible()
  await expect(page.getByTestId('no-bridge')).toContainText("Not connected to Plex Cache's main process")
  await expect(page).toHaveTitle('Plex Cache')
  // The icon is a bundled asset: it must load from 'self' under the policy (and be in the screenshot).
  await expect
    .poll(() =>
      page.locator('.app-icon').evaluate((image) => (image as { naturalWidth: number }).naturalWidth),
    )
    .toBeGreaterThan(0)

  await page.screenshot({ path: testInfo.outputPath('no-bridge-light.png') })
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.screenshot({ path: testInfo.outputPath('no-bridge-dark.png') })

  expect(problems.messages).toEqual([])
})

test('the renderer may not reach the network, not even its own origin', async ({ page }) => {
  const problems = await recordPageProblems(page)
  await page.goto('/')
  await expect(page.getByTestId('app-ready')).toBeVisible()

  const outcome = await page.evaluate(
    (url) =>
      fetch(url).then(
        () => 'fetched',
        () => 'refused',
      ),
    page.url(),
  )

  expect(outcome).toBe('refused')
  await expect
    .poll(() => problems.messages)
    .toContainEqual(expect.stringContaining('csp: connect-src blocked'))
})
