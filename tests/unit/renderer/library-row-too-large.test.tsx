// @vitest-environment happy-dom
import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { LibraryRow } from '../../../src/shared/service-types'
import { LibraryRowView } from '../../../src/renderer/src/libraries/LibraryRowView'

// React only runs effects inside act() when it knows it is under test.
;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

const NOW = Date.UTC(2030, 0, 1, 12, 0, 0)
const MB = 1024 * 1024

const notCached: LibraryRow = {
  key: '1',
  title: 'Movies',
  type: 'movie',
  state: 'missing',
  cached: false,
  itemCount: null,
  bytes: 0,
  fetchedAt: null,
  expiresAt: null,
  hits: 0,
  misses: 0,
}

describe('<LibraryRowView> for a library larger than the size limit', () => {
  let container: HTMLElement
  let root: Root

  beforeEach(() => {
    container = document.createElement('ul')
    document.body.append(container)
    root = createRoot(container)
  })

  afterEach(() => {
    act(() => root.unmount())
    container.remove()
  })

  const render = (row: LibraryRow, refreshing = false) =>
    act(() =>
      root.render(
        <LibraryRowView
          row={row}
          now={NOW}
          refreshing={refreshing}
          offline={false}
          progress={undefined}
          onRefresh={() => {}}
          onClear={() => {}}
        />,
      ),
    )
  const note = () => container.querySelector('[data-testid="library-too-large"]')

  it('says on its row what it needs and the limit, with the whole sentence on hover', () => {
    render({ ...notCached, tooLarge: { neededBytes: 2.3 * MB, limitBytes: MB } })
    expect(note()?.textContent).toBe('Too large to cache: needs 2.3 MB, limit 1.0 MB')
    expect(note()?.getAttribute('title')).toBe(
      'Movies needs 2.3 MB but the size limit is 1.0 MB, so it was not cached; raise the size limit in Settings.',
    )
  })

  it('says nothing of the kind for an ordinary uncached library, or while a refresh is under way', () => {
    render(notCached)
    expect(note()).toBeNull()
    render({ ...notCached, tooLarge: { neededBytes: 2.3 * MB, limitBytes: MB } }, true)
    expect(note()).toBeNull()
  })
})
