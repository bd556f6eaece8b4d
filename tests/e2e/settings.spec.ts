import { expect, test } from './support/bridge-fixtures'
import { listLibrariesInPage } from './support/page-bridge'

// Flow 7: settings are checked field by field, only what changed is sent, and they apply at once.

test('invalid input is rejected with a message and nothing is saved', async ({
  app,
  page,
  bridge,
  connectToPlex,
}, testInfo) => {
  await connectToPlex()
  await app.open()
  await app.openTab('settings')
  await app.settings.waitUntilShown()
  const before = await bridge.handlers.getSettings(undefined)

  await app.settings.setDuration('library-ttl', '30', 'seconds')
  await app.settings.setNumber('size-limit', 'lots')
  await app.settings.setNumber('page-size', '20')
  await app.settings.setDuration('search-ttl', '2', 'hours') // valid, but not sent while others are wrong
  await app.settings.save()
  await expect(app.settings.error('library-ttl')).toHaveText('At least 1 minute.')
  await expect(app.settings.error('size-limit')).toHaveText('Enter a number in plain digits, like 90 or 1.5.')
  await expect(app.settings.error('page-size')).toHaveText('At least 50 items.')
  await expect(app.settings.input('library-ttl')).toHaveAttribute('aria-invalid', 'true')
  await expect(app.settings.saved()).toBeHidden()
  expect(await bridge.handlers.getSettings(undefined)).toEqual(before)
  await page.screenshot({ path: testInfo.outputPath('settings-invalid-light.png'), fullPage: true })

  // A new server URL needs its token, and a failed test saves nothing.
  await app.settings.setDuration('library-ttl', '1', 'hours')
  await app.settings.setNumber('size-limit', '100')
  await app.settings.setNumber('page-size', '200')
  await app.settings.setDuration('search-ttl', '1', 'hours')
  await app.settings.input('server-url').fill('http://127.0.0.1:9')
  await app.settings.save()
  await expect(app.settings.error('token')).toContainText('Enter the token for the new server')
  await app.settings.input('token').fill('not-the-token')
  await app.settings.save()
  // Nothing answers at that address: the error is the address's, not the token's.
  await expect(app.settings.error('server-url')).toBeVisible()
  await expect(app.settings.error('token')).toBeHidden()
  await expect(app.settings.failure()).toContainText('Nothing was saved')
  expect(await bridge.handlers.getSettings(undefined)).toEqual(before)
  expect(app.problems.messages).toEqual([])
})

test('a TTL change is applied to the next refresh', async ({
  app,
  page,
  bridge,
  connectToPlex,
}, testInfo) => {
  await connectToPlex()
  await app.open()
  await app.openTab('settings')
  await expect(app.settings.input('library-ttl')).toHaveValue('1')
  await expect(page.getByTestId('unit-library-ttl')).toHaveValue('hours')
  await page.screenshot({ path: testInfo.outputPath('settings-light.png'), fullPage: true })
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.screenshot({ path: testInfo.outputPath('settings-dark.png'), fullPage: true })
  await page.emulateMedia({ colorScheme: 'light' })

  await app.settings.setDuration('library-ttl', '2', 'minutes')
  await app.settings.setToggle('keep-warm', false)
  await app.settings.save()
  await expect(app.settings.saved()).toHaveText('Saved')
  expect(await bridge.handlers.getSettings(undefined)).toMatchObject({
    ok: true,
    value: { libraryTtlSeconds: 120, keepWarm: false, searchTtlSeconds: 3600 },
  })
  // The form now shows what was saved; saving again sends nothing.
  await expect(app.settings.input('library-ttl')).toHaveValue('2')
  await app.settings.save()
  await expect(page.getByTestId('settings-status')).toContainText('Nothing to save')

  await app.openTab('libraries')
  await app.libraries.refresh('Movies')
  await expect(app.libraries.state('Movies')).toHaveText('Fresh')
  const movies = (await listLibrariesInPage(page)).find((row) => row.key === '1')
  expect(movies!.expiresAt! - movies!.fetchedAt!).toBe(120_000)
  expect(await app.libraries.secondsLeft('Movies')).toBeLessThanOrEqual(120)
  expect(app.problems.messages).toEqual([])
})
