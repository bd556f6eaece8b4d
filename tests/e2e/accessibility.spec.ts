import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import type { PlexCacheBridge } from '../../src/shared/contract'
import { InspectorPage } from './pages/inspector-page'
import { StatsPage } from './pages/stats-page'
import { expect, test } from './support/bridge-fixtures'

// Issue 13 §5: axe-core finds nothing on any view, in either theme (the window follows the
// system's colour scheme, which Playwright sets with `colorScheme`).

type PageGlobals = { plexCache: PlexCacheBridge }

/** One line per failing node, so a failure says what to fix without opening a trace. */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze()
  return results.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} (${violation.impact ?? 'unknown'}): ${violation.help} at ${node.target.join(' ')}` +
        (node.failureSummary ? ` :: ${node.failureSummary.replace(/\s+/g, ' ')}` : ''),
    ),
  )
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme, viewport: { width: 1100, height: 720 } })

    test('onboarding has no axe violations', async ({ app, page }) => {
      await app.open()
      await app.expectView('onboarding')
      expect(await violations(page)).toEqual([])
    })

    test('libraries, statistics, the inspector (items, details, find results) and settings have no axe violations', async ({
      app,
      page,
      bridge,
      connectToPlex,
    }) => {
      test.setTimeout(60_000)
      await connectToPlex()
      expect((await bridge.handlers.refreshLibrary({ library: '1' })).ok).toBe(true)
      await app.open()
      await app.libraries.waitUntilListed()
      expect(await violations(page), 'libraries').toEqual([])

      // A read for a consumer, so the statistics have figures and a chart to show.
      const read = await page.evaluate(() =>
        (globalThis as unknown as PageGlobals).plexCache.search({ library: '1', title: 'the' }),
      )
      expect(read.ok).toBe(true)
      await new StatsPage(page).open()
      expect(await violations(page), 'statistics').toEqual([])

      const inspector = new InspectorPage(page)
      await inspector.open()
      await expect(inspector.rows().first()).toBeVisible()
      await inspector.rows().first().click()
      await expect(page.getByTestId('item-details')).toBeVisible()
      expect(await violations(page), 'inspector with items').toEqual([])
      const first = await page.evaluate(() =>
        (globalThis as unknown as PageGlobals).plexCache.getLibraryItems({ library: '1', limit: 1 }),
      )
      const name = first.ok ? first.value.items[0]?.files[0]?.path.split('/').pop() : undefined
      await inspector.findByFile(name ?? '')
      await expect(inspector.findResults().first()).toBeVisible()
      expect(await violations(page), 'inspector with find results').toEqual([])

      await app.openTab('settings')
      expect(await violations(page), 'settings').toEqual([])
    })
  })
}
