import type { LoggedRequest } from '../../src/fake-plex'
import { expect, test } from './support/bridge-fixtures'

// Issue 11, point 3: the window's Refresh asks Plex whether a library changed before fetching it
// again; "Refetch all" is the separate action that fetches everything whole.

/** Listing requests that return items (a size=0 count request is not one). */
function itemPages(log: readonly LoggedRequest[]): LoggedRequest[] {
  return log.filter((entry) => {
    const size = entry.plexHeaders['X-Plex-Container-Size'] ?? entry.query['X-Plex-Container-Size']
    return /\/all$/.test(entry.path) && size !== '0'
  })
}

test('Refresh revalidates an unchanged library without fetching its pages; Refetch all fetches them', async ({
  app,
  plex,
  connectToPlex,
}) => {
  await connectToPlex()
  await app.open()
  await app.libraries.waitUntilListed()
  await app.libraries.refresh('Movies')
  await expect(app.libraries.itemCount('Movies')).toHaveText('250')
  await expect(app.libraries.state('Movies')).toHaveText('Fresh')

  plex.controls.clearRequestLog()
  await app.libraries.refresh('Movies')
  await expect(app.libraries.state('Movies')).toHaveText('Fresh')
  await expect.poll(() => plex.controls.requestLog().some((entry) => /\/all$/.test(entry.path))).toBe(true)
  expect(itemPages(plex.controls.requestLog())).toEqual([])

  plex.controls.clearRequestLog()
  await app.libraries.refetchAll()
  await expect(app.libraries.itemCount('TV Shows')).toHaveText('60')
  await expect(app.libraries.rows().getByTestId('library-state')).toHaveText(Array(4).fill('Fresh'))
  const moviePages = itemPages(plex.controls.requestLog()).filter((entry) =>
    entry.path.startsWith('/library/sections/1/'),
  )
  expect(moviePages.length).toBeGreaterThan(0)
  expect(app.problems.messages).toEqual([])
})
