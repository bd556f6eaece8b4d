import { expect, test } from './support/bridge-fixtures'
import { listEntriesInPage, searchInPage } from './support/page-bridge'

// Flow 4: clearing one library, then everything; every view follows at once through events.

test('clearing one library, then the whole cache, updates the rows and the entries at once', async ({
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
  await searchInPage(page, '1', 'the')
  expect(await listEntriesInPage(page)).toHaveLength(5)

  // One library asks first, saying what goes; Cancel (and Escape) keep it.
  await app.libraries.clear('Music')
  const dialog = app.libraries.clearLibraryDialog('Music')
  await expect(dialog).toBeVisible()
  await expect(dialog).toContainText('48 items')
  await expect(dialog.getByTestId('dialog-cancel')).toBeFocused()
  await page.screenshot({ path: testInfo.outputPath('clear-library-dialog.png') })
  await dialog.getByTestId('dialog-cancel').click()
  await expect(dialog).toBeHidden()
  await expect(app.libraries.state('Music')).toHaveText('Fresh')
  await expect(app.libraries.itemCount('Music')).toHaveText('48')
  await app.libraries.clear('Music')
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('button', { name: 'Clear Music', exact: true })).toBeFocused()
  expect(await listEntriesInPage(page)).toHaveLength(5)

  await app.libraries.clearAndConfirm('Music')
  await expect(app.libraries.state('Music')).toHaveText('Not cached')
  await expect(app.libraries.itemCount('Music')).toHaveText('—')
  await expect(app.libraries.row('Music').getByTestId('library-clear')).toBeDisabled()
  await expect(app.libraries.state('Movies')).toHaveText('Fresh')
  const afterOne = await listEntriesInPage(page)
  expect(afterOne.filter((entry) => entry.kind === 'library').map((entry) => entry.library)).not.toContain(
    '3',
  )
  expect(afterOne).toHaveLength(4)
  // The inspector lists the same entries.
  await app.openTab('inspector')
  await expect(page.getByTestId('entry-row')).toHaveCount(4)
  await app.openTab('libraries')

  // The confirmation counts what goes; Escape cancels and gives focus back to the button.
  await app.libraries.askToClearAll()
  await expect(app.libraries.clearDialog()).toContainText('3 cached libraries')
  await expect(app.libraries.clearDialog()).toContainText('1 cached search')
  await expect(app.libraries.clearDialog()).toContainText('Statistics are kept')
  await expect(app.libraries.clearDialog().getByTestId('dialog-cancel')).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(app.libraries.clearDialog().getByTestId('dialog-confirm')).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(app.libraries.clearDialog().getByTestId('dialog-cancel')).toBeFocused()
  await page.screenshot({ path: testInfo.outputPath('clear-dialog-light.png') })
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.screenshot({ path: testInfo.outputPath('clear-dialog-dark.png') })
  await page.emulateMedia({ colorScheme: 'light' })
  await page.keyboard.press('Escape')
  await expect(app.libraries.clearDialog()).toBeHidden()
  await expect(page.getByTestId('clear-cache')).toBeFocused()
  expect(await listEntriesInPage(page)).toHaveLength(4)

  await app.libraries.askToClearAll()
  await app.libraries.confirmClearAll()
  await expect(app.libraries.rows().getByTestId('library-state')).toHaveText(Array(4).fill('Not cached'))
  await expect(app.libraries.rows().getByTestId('library-countdown')).toHaveText(Array(4).fill('—'))
  expect(await listEntriesInPage(page)).toEqual([])
  await app.openTab('inspector')
  await expect(page.getByTestId('entry-row')).toHaveCount(0)
  await app.openTab('libraries')
  // Statistics are kept: the Plex requests and the window's search made before clearing still count
  // (the window's reads are inspection, never hits, so the hit rate has nothing to show).
  const kept = await bridge.handlers.stats(undefined)
  if (!kept.ok) throw new Error(kept.error.message)
  expect(kept.value.plexRequests).toBeGreaterThan(0)
  expect(kept.value.inspectionReads).toBeGreaterThan(0)
  await expect(app.libraries.hitRate()).toHaveText('—')
  expect(app.problems.messages).toEqual([])
})
