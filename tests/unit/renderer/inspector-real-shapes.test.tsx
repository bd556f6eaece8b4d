// @vitest-environment happy-dom
import { act } from 'react'
import { describe, expect, it } from 'vitest'
import { FindResults } from '../../../src/renderer/src/inspector/FindByFile'
import { ItemRow } from '../../../src/renderer/src/inspector/ItemRow'
import type { CachedItem } from '../../../src/shared/plex-data'
import type { FileMatchRow } from '../../../src/shared/service-types'
import { mountedPerTest } from './support/mounted-root'

// React only runs effects inside act() when it knows it is under test.
;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

const ORIGINAL = { path: '/data/Movies/Heat (1995)/Heat (1995).mp4', size: 10 }
const COPY = {
  path: '/data/Movies/Heat (1995)/Plex Versions/Optimized for TV/Heat (1995).mp4',
  size: 4,
  optimized: true as const,
}
const HEAT: CachedItem = {
  ratingKey: '5',
  key: '/library/metadata/5',
  type: 'movie',
  title: 'Heat',
  year: 1995,
  externalIds: { imdb: 'tt0113277', tmdb: '949' },
  // The copy first, as Plex may list it.
  files: [COPY, ORIGINAL],
}

describe('Inspector rows and lookups with optimized copies and external ids', () => {
  const mounted = mountedPerTest()

  const find = (testId: string) => mounted.container.querySelector(`[data-testid="${testId}"]`)

  const renderRow = (item: CachedItem) =>
    act(() =>
      mounted.root.render(
        <ItemRow
          index={0}
          gridId="g"
          top={0}
          item={item}
          selected={false}
          found={false}
          onSelect={() => {}}
        />,
      ),
    )

  it("shows the original's path, a badge for the optimized copy, and the ids beside the title", () => {
    renderRow(HEAT)
    expect(find('item-title')?.textContent).toBe('Heat')
    expect(find('item-ids')?.textContent?.trim()).toBe('imdb tt0113277 · tmdb 949')
    const path = find('item-path')
    expect(path?.firstChild?.textContent).toBe(ORIGINAL.path)
    expect(find('item-optimized')?.textContent).toBe('optimized copy')
    expect(path?.getAttribute('title')).toBe(`${COPY.path} (optimized version)\n${ORIGINAL.path}`)
  })

  it('calls a lone optimized file an optimized version, and shows nothing extra for a plain item', () => {
    renderRow({ ...HEAT, files: [COPY] })
    expect(find('item-path')?.firstChild?.textContent).toBe(COPY.path)
    expect(find('item-optimized')?.textContent).toBe('optimized version')
    renderRow({ ...HEAT, externalIds: undefined, files: [ORIGINAL] })
    expect(find('item-optimized')).toBeNull()
    expect(find('item-ids')).toBeNull()
  })

  it('marks the optimized copy in file lookup results as a version of its item, not the original', () => {
    const row = (file: typeof ORIGINAL | typeof COPY): FileMatchRow => ({
      library: { key: '1', title: 'Movies' },
      item: HEAT,
      file,
      source: 'cache',
      fetchedAt: 0,
    })
    act(() =>
      mounted.root.render(
        <FindResults asked="Heat (1995).mp4" matches={[row(ORIGINAL), row(COPY)]} at={0} onShow={() => {}} />,
      ),
    )
    const results = mounted.container.querySelectorAll('[data-testid="find-result"]')
    expect(results).toHaveLength(2)
    expect(results[0]?.querySelector('[data-testid="find-result-optimized"]')).toBeNull()
    expect(results[1]?.querySelector('[data-testid="find-result-optimized"]')?.textContent).toBe(
      'optimized version of Heat, made by Plex: not the original file',
    )
  })
})
