import { expect, test } from './support/bridge-fixtures'

// Issue 13 §3: Settings warns before unsaved edits are lost, puts each error on the field that
// caused it, and reads numbers strictly.

test('leaving Settings with unsaved edits asks first; Cancel keeps them, Discard drops them', async ({
  app,
  page,
  bridge,
  connectToPlex,
}, testInfo) => {
  await connectToPlex()
  await app.open()
  await app.openTab('settings')
  await app.settings.waitUntilShown()

  // Nothing edited: the tabs switch without a word.
  await app.openTab('libraries')
  await app.openTab('settings')

  await app.settings.setNumber('page-size', '300')
  await page.getByRole('tab', { name: 'Libraries', exact: true }).click()
  const dialog = page.getByTestId('discard-dialog')
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('heading')).toHaveText('Discard changes?')
  await expect(dialog.getByTestId('dialog-cancel')).toBeFocused()
  await page.screenshot({ path: testInfo.outputPath('discard-dialog.png') })
  await dialog.getByTestId('dialog-cancel').click()
  await expect(dialog).toBeHidden()
  await app.expectView('settings')
  await expect(app.settings.input('page-size')).toHaveValue('300')

  // The keyboard's tab moves ask too; Discard leaves, and nothing was saved.
  await page.getByRole('tab', { name: 'Settings', exact: true }).focus()
  await page.keyboard.press('ArrowLeft')
  await expect(dialog).toBeVisible()
  await dialog.getByTestId('dialog-confirm').click()
  await app.expectView('inspector')
  const settings = await bridge.handlers.getSettings(undefined)
  expect(settings.ok && settings.value.pageSize).toBe(500)
  await app.openTab('settings')
  await expect(app.settings.input('page-size')).toHaveValue('500')

  // Saved edits leave freely.
  await app.settings.setNumber('page-size', '300')
  await app.settings.save()
  await expect(app.settings.saved()).toBeVisible()
  await app.openTab('libraries')
  await expect(dialog).toBeHidden()
  expect(app.problems.messages).toEqual([])
})

test('errors sit on the field that caused them, and numbers are read strictly', async ({
  app,
  plex,
  bridge,
  connectToPlex,
}) => {
  await connectToPlex()
  await app.open()
  await app.openTab('settings')
  await app.settings.waitUntilShown()
  const before = await bridge.handlers.getSettings(undefined)

  // 0x10 hours and 1e3 MB were once read as 16 hours and 1000 MB.
  await app.settings.setDuration('library-ttl', '0x10', 'hours')
  await app.settings.setNumber('size-limit', '1e3')
  await app.settings.save()
  await expect(app.settings.error('library-ttl')).toHaveText(
    'Enter a number in plain digits, like 90 or 1.5.',
  )
  await expect(app.settings.error('size-limit')).toHaveText('Enter a number in plain digits, like 90 or 1.5.')
  expect(await bridge.handlers.getSettings(undefined)).toEqual(before)
  await app.settings.setDuration('library-ttl', '1', 'hours')
  await app.settings.setNumber('size-limit', '100')

  // The right server with a wrong token: the token is at fault, and the message sits under it.
  await app.settings.input('server-url').fill(`${plex.url}/`)
  await app.settings.input('token').fill('not-the-token')
  await app.settings.save()
  await expect(app.settings.error('token')).toContainText('rejected the token')
  await expect(app.settings.error('server-url')).toBeHidden()

  // A server that refuses connections: the address is at fault.
  await app.settings.input('server-url').fill('http://127.0.0.1:9')
  await app.settings.save()
  await expect(app.settings.error('server-url')).toBeVisible()
  await expect(app.settings.error('token')).toBeHidden()
  await expect(app.settings.input('server-url')).toHaveAttribute('aria-invalid', 'true')
  expect(await bridge.handlers.getSettings(undefined)).toEqual(before)
})
