import { expect, test } from './support/bridge-fixtures'

test('"Try the demo server" starts the bundled server and shows its libraries', async ({
  app,
  page,
}, testInfo) => {
  await app.open()
  await page.screenshot({ path: testInfo.outputPath('onboarding-light.png'), fullPage: true })
  await app.onboarding.useDemo()

  await app.expectView('libraries')
  await app.libraries.waitUntilListed()
  await expect(app.connectionServer()).toContainText('Demo')
  expect(await app.libraries.titles()).toEqual(['Movies', 'TV Shows', 'Music', 'Photos'])

  await app.libraries.refresh('Movies')
  await expect(app.libraries.itemCount('Movies')).toHaveText('120')

  // Disconnecting leaves demo mode and returns to onboarding.
  await page.getByTestId('disconnect').click()
  await app.expectView('onboarding')
  expect(app.problems.messages).toEqual([])
})
