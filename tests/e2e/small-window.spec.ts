import { startFakePlex } from '../../src/fake-plex'
import { InspectorPage } from './pages/inspector-page'
import { StatsPage } from './pages/stats-page'
import { expect, test as base } from './support/bridge-fixtures'
import {
  expectFullyVisible,
  expectNoSidewaysScroll,
  expectRoomFor,
  expectTextNotClipped,
  scrollToTop,
  WINDOW_SIZES,
  type PageWindow,
} from './support/viewport-checks'

// Issue 13, point 1: at the window's minimum size (720×480) and at 1100×720, in both themes, every
// view's primary controls are inside the window with no sideways scrolling, and no figure is cut off.

/** Enough movies for a listing of megabytes; wider figures are tried in place (expectRoomFor). */
const MOVIES = 3_000

const test = base.extend({
  // eslint-disable-next-line no-empty-pattern
  plex: async ({}, use) => {
    const server = await startFakePlex({ dataset: { movies: MOVIES } })
    await use(server)
    await server.close()
  },
})

for (const size of WINDOW_SIZES) {
  for (const scheme of ['light', 'dark'] as const) {
    test.describe(`at ${size.name}, ${scheme}`, () => {
      test.use({ viewport: { width: size.width, height: size.height }, colorScheme: scheme })

      test('onboarding: the ways to connect are all reachable without sideways scrolling', async ({
        app,
        page,
      }, testInfo) => {
        await app.open()
        await app.expectView('onboarding')
        await expectNoSidewaysScroll(page)
        await expectFullyVisible(page.getByTestId('sign-in-start'), 'Sign in with Plex')
        await expectFullyVisible(page.getByLabel('Server URL'), 'the server URL field')
        await expectFullyVisible(page.getByLabel('Plex token'), 'the token field')
        await expectFullyVisible(page.getByTestId('connect'), 'Connect')
        await expectFullyVisible(page.getByTestId('use-demo'), 'Try the demo')
        await scrollToTop(page)
        await page.screenshot({ path: testInfo.outputPath('onboarding.png') })
      })

      test('libraries, inspector, statistics and settings keep their controls in the window', async ({
        app,
        page,
        connectToPlex,
      }, testInfo) => {
        test.setTimeout(60_000)
        await connectToPlex()
        await app.open()
        await app.libraries.waitUntilListed()
        await app.libraries.refreshAll()
        await expect(app.libraries.rows().getByTestId('library-state')).toHaveText(Array(4).fill('Fresh'), {
          timeout: 30_000,
        })

        // A compact header: the title line and the tabs leave the window to the view.
        const subtitle = page.locator('.app-subtitle')
        const lines = await subtitle.evaluate((element) => {
          const view = globalThis as unknown as PageWindow
          const lineHeight = parseFloat(view.getComputedStyle(element).lineHeight)
          return element.getBoundingClientRect().height / lineHeight
        })
        expect(lines, 'the subtitle takes one line at most').toBeLessThan(1.5)
        const tabsBottom = (await page.getByRole('tablist').boundingBox())!.y + 40
        expect(tabsBottom, 'header and tabs stay within a third of the height').toBeLessThan(
          size.height / 3 + 40,
        )

        // Libraries: without scrolling at all, the first row's expiry and both its buttons.
        await expectNoSidewaysScroll(page)
        await expectFullyVisible(page.getByTestId('refresh-all'), 'Refresh all', { scroll: false })
        const movies = app.libraries.row('Movies')
        await expectFullyVisible(movies.getByTestId('library-countdown'), 'Movies expires in', {
          scroll: false,
        })
        await expectFullyVisible(movies.getByTestId('library-refresh'), 'Refresh Movies', { scroll: false })
        await expectFullyVisible(movies.getByTestId('library-clear'), 'Clear Movies', { scroll: false })
        for (const title of await app.libraries.titles()) {
          const row = app.libraries.row(title)
          await expectFullyVisible(row.getByTestId('library-state'), `${title}'s state`)
          await expectFullyVisible(row.getByTestId('library-countdown'), `${title} expires in`)
          await expectFullyVisible(row.getByTestId('library-refresh'), `Refresh ${title}`)
          await expectFullyVisible(row.getByTestId('library-clear'), `Clear ${title}`)
        }
        await expectTextNotClipped(page.getByTestId('library-title'), 'library titles')
        await scrollToTop(page)
        await page.screenshot({ path: testInfo.outputPath('libraries.png') })

        // Inspector: every entry keeps its name and its figures; the browser and find are reachable.
        const inspector = new InspectorPage(page)
        await inspector.open()
        await expect(inspector.entries()).toHaveCount(4)
        await expectNoSidewaysScroll(page)
        await expectTextNotClipped(page.locator('[data-testid="entry-row"] td'), 'entry cells')
        await expectTextNotClipped(page.locator('.entries-table th'), 'entry column headings')
        await expectRoomFor(page.getByTestId('entry-items'), (100_000).toLocaleString('en-US'), 'Items')
        await expectRoomFor(page.locator('[data-testid="entry-row"] td:nth-child(4)'), '999.9 KB', 'Size')
        for (const entry of await inspector.entries().all()) {
          await expectFullyVisible(entry.getByTestId('entry-browse'), 'Browse')
          await expectFullyVisible(entry.getByTestId('entry-delete'), 'Delete')
        }
        await expectFullyVisible(page.getByTestId('find-input'), 'the find-by-file field')
        await expectFullyVisible(page.getByTestId('find-submit'), 'Find')
        await expectFullyVisible(page.getByTestId('browser-filter'), 'the item filter')
        await expectFullyVisible(inspector.grid(), 'the item list')
        await scrollToTop(page)
        await page.screenshot({ path: testInfo.outputPath('inspector.png') })

        // Statistics: the range, the reset and the figures.
        const stats = new StatsPage(page)
        await stats.open()
        await expectNoSidewaysScroll(page)
        for (const range of ['hour', 'day', 'week'] as const) {
          await expectFullyVisible(page.getByTestId(`range-${range}`), `the ${range} range`)
        }
        await expectFullyVisible(stats.resetButton(), 'Reset statistics')
        await expectFullyVisible(page.getByTestId('history-chart'), 'the history chart')
        await scrollToTop(page)
        await page.screenshot({ path: testInfo.outputPath('statistics.png') })

        // Settings: Save is in view at once, and stays there while the fields scroll.
        await app.openTab('settings')
        await app.settings.waitUntilShown()
        await expectNoSidewaysScroll(page)
        await expectFullyVisible(page.getByTestId('settings-save'), 'Save', { scroll: false })
        await page.screenshot({ path: testInfo.outputPath('settings.png') })
        await page.evaluate(() => {
          const view = globalThis as unknown as PageWindow
          view.scrollTo(0, view.document.documentElement.scrollHeight / 2)
        })
        await expectFullyVisible(page.getByTestId('settings-save'), 'Save half-way down', { scroll: false })
        await expectFullyVisible(page.getByTestId('disconnect'), 'Disconnect')
      })
    })
  }
}
