import fs from 'node:fs'
import path from 'node:path'
import { startFakePlexTv, fakeServerResource, type FakePlexTv } from '../../src/fake-plex/plextv'
import { startWebBridge } from '../../src/web-bridge/start-web-bridge'
import { expect, test as base } from './support/bridge-fixtures'

// Sign in with Plex in the window: the code shown, the browser "opened" (recorded by the bridge),
// the PIN approved on the fake plex.tv, the connections tested, the working local one used.
const test = base.extend<{ plexTv: FakePlexTv }>({
  plexTv: async ({ plex }, use) => {
    const tv = await startFakePlexTv({ servers: [await fakeServerResource(plex, { name: 'Home' })] })
    await use(tv)
    await tv.close()
  },
  bridge: async ({ dataDir, clock, plexTv }, use) => {
    const bridge = await startWebBridge({
      dataDir,
      clock: clock.now,
      clientTuning: { retries: 1, sleep: async () => {}, timeoutMs: 5_000 },
      plexTv: { apiUrl: plexTv.url, authUrl: plexTv.authUrl },
      signInTuning: { pollIntervalMs: 100, probeTimeoutMs: 2_000 },
    })
    await use(bridge)
    await bridge.close()
  },
})

test('signs in with Plex and uses the working local connection', async ({
  app,
  page,
  bridge,
  plex,
  plexTv,
  dataDir,
}) => {
  await app.open()
  await app.expectView('onboarding')
  await page.getByTestId('sign-in-start').click()
  const code = page.getByTestId('sign-in-code')
  await expect(code).toHaveText(plexTv.pins()[0]!.code)
  await expect(page.getByTestId('sign-in-countdown')).toContainText(/expires in 1[45]:\d\d/)
  expect(bridge.openedLinks).toHaveLength(1)
  expect(bridge.openedLinks[0]).toContain(`${plexTv.authUrl}#?clientID=`)
  expect(bridge.openedLinks[0]).toContain(`code=${plexTv.pins()[0]!.code}`)

  plexTv.claim(plexTv.pins()[0]!.id)
  await expect(page.getByTestId('sign-in-connections')).toBeVisible()
  await expect(page.locator(`[data-testid="sign-in-connection"][value="${plex.url}"]`)).toBeChecked()
  await expect(page.getByTestId('sign-in-connection').and(page.locator(':disabled'))).toHaveCount(2)
  await page.getByTestId('sign-in-use-connection').click()

  await app.expectView('libraries')
  await app.libraries.waitUntilListed()
  expect(await app.libraries.titles()).toEqual(['Movies', 'TV Shows', 'Music', 'Photos'])
  const html = await page.content()
  expect(html).not.toContain(plex.token)
  expect(html).not.toContain(plexTv.accountToken)

  // Disconnect forgetting the token signs out of plex.tv as well: the account's token goes with the server's.
  const accountTokenFile = path.join(dataDir, 'plex-account-token')
  expect(fs.existsSync(accountTokenFile)).toBe(true)
  await page.getByTestId('disconnect').click()
  await page.getByTestId('disconnect-forget-token').check()
  await page.getByTestId('disconnect-dialog').getByTestId('dialog-confirm').click()
  await app.expectView('onboarding')
  expect(fs.existsSync(accountTokenFile)).toBe(false)
  expect(app.problems.messages).toEqual([])
})

test('cancel stops waiting and offers to sign in again', async ({ app, page, plexTv }) => {
  await app.open()
  await page.getByTestId('sign-in-start').click()
  await expect(page.getByTestId('sign-in-code')).toBeVisible()
  await page.getByTestId('sign-in-cancel').click()
  await expect(page.getByTestId('sign-in-start')).toHaveText('Sign in again')
  const polls = plexTv.pins()[0]!.polls
  await page.waitForTimeout(300)
  expect(plexTv.pins()[0]!.polls).toBe(polls)
})
