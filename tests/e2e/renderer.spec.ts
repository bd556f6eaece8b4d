import { expect, test } from '@playwright/test'
import { recordPageProblems } from './support/page-problems'

// The built renderer, served over loopback, in real Chromium under its own Content-Security-Policy.

test('the built renderer starts cleanly under its Content-Security-Policy', async ({ page }, testInfo) => {
  const problems = await recordPageProblems(page)
  await page.goto('/')

  await expect(page.getByTestId('app-ready')).toBeVisible()
  await expect(page.getByRole('heading', { level: 1, name: 'Plex Cache' })).toBeVisible()
  await expect(page).toHaveTitle('Plex Cache')

  await page.screenshot({ path: testInfo.outputPath('renderer-light.png') })
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.screenshot({ path: testInfo.outputPath('renderer-dark.png') })

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
