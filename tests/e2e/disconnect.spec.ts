import { expect, test } from './support/bridge-fixtures'

// Issue 13 §3: Disconnect keeps the cache and asks before forgetting the token.

test('Disconnect asks first, keeps the cache, and forgets the token only when ticked', async ({
  app,
  bridge,
  page,
  connectToPlex,
}, testInfo) => {
  await connectToPlex()
  await app.open()
  await app.libraries.waitUntilListed()
  await app.libraries.refreshAll()
  await expect(app.libraries.rows().getByTestId('library-state')).toHaveText(Array(4).fill('Fresh'))
  const entriesBefore = await cachedEntries(bridge)
  expect(entriesBefore).toBeGreaterThanOrEqual(4)

  // Cancel changes nothing.
  await page.getByTestId('disconnect').click()
  const dialog = page.getByTestId('disconnect-dialog')
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('heading')).toHaveText(/^Disconnect from .+\?$/)
  await expect(dialog).toContainText('The cache is kept')
  await expect(dialog.getByTestId('disconnect-forget-token')).not.toBeChecked()
  await expect(dialog.getByTestId('dialog-cancel')).toBeFocused()
  await page.screenshot({ path: testInfo.outputPath('disconnect-dialog.png') })
  await dialog.getByTestId('dialog-cancel').click()
  await expect(dialog).toBeHidden()
  await app.expectView('libraries')

  // Disconnect keeping the token: back to onboarding, the token and every cached entry still there.
  await page.getByTestId('disconnect').click()
  await dialog.getByTestId('dialog-confirm').click()
  await app.expectView('onboarding')
  const kept = await settingsOf(bridge)
  expect(kept).toMatchObject({ serverUrl: null, tokenSet: true })
  expect(await cachedEntries(bridge)).toBe(entriesBefore)

  // Reconnecting to the same server takes one click (the token is kept for it alone), and finds the
  // libraries still cached: nothing has to be fetched.
  await expect(page.getByTestId('reconnect-card')).toContainText(kept.disconnectedFrom!)
  await page.getByTestId('reconnect').click()
  await app.expectView('libraries')
  await app.libraries.waitUntilListed()
  await expect(app.libraries.rows().getByTestId('library-state')).toHaveText(Array(4).fill('Fresh'))
  await expect(app.libraries.itemCount('Movies')).toHaveText('250')

  // Ticked, the token goes too; the cache still stays.
  await page.getByTestId('disconnect').click()
  await dialog.getByTestId('disconnect-forget-token').check()
  await expect(dialog.getByTestId('dialog-confirm')).toHaveText('Disconnect and forget the token')
  await dialog.getByTestId('dialog-confirm').click()
  await app.expectView('onboarding')
  expect(await settingsOf(bridge)).toMatchObject({ serverUrl: null, tokenSet: false })
  expect(await cachedEntries(bridge)).toBe(entriesBefore)
  expect(app.problems.messages).toEqual([])
})

type Bridge = Parameters<Parameters<typeof test>[2]>[0]['bridge']

async function cachedEntries(bridge: Bridge): Promise<number> {
  const stats = await bridge.handlers.stats(undefined)
  if (!stats.ok) throw new Error(stats.error.message)
  return stats.value.entries
}

async function settingsOf(bridge: Bridge) {
  const settings = await bridge.handlers.getSettings(undefined)
  if (!settings.ok) throw new Error(settings.error.message)
  return settings.value
}
