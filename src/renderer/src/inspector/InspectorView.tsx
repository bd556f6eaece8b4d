import { useState } from 'react'
import type { FileMatchRow } from '../../../shared/service-types'
import { EntriesPanel } from './EntriesPanel'
import { FindByFile } from './FindByFile'
import { libraryFromHash } from './inspector-route'
import { ItemBrowser, type FoundItem } from './ItemBrowser'
import { useEntries } from './useEntries'
import './inspector.css'

/** What is in the cache: every entry with its TTL, an item browser and a file lookup. */
export function InspectorView() {
  const entries = useEntries()
  const [chosen, setChosen] = useState<string | null>(() => libraryFromHash(window.location.hash))
  const [filter, setFilter] = useState('')
  // `jump` counts the clicks on "Show in list", so showing the same item again scrolls to it again.
  const [found, setFound] = useState<FoundItem | null>(null)

  const listings = (entries.value ?? []).filter((row) => row.kind === 'library')
  // A cleared library falls back to the first one still cached.
  const library = listings.some((row) => row.library === chosen) ? chosen : (listings[0]?.library ?? null)

  const browse = (key: string) => {
    setChosen(key)
    setFilter('')
    setFound(null)
  }
  const show = (match: FileMatchRow) => {
    // The full path is a filter only this item (or a few) matches, so it lands in view at once.
    setChosen(match.library.key)
    setFilter(match.file.path)
    setFound((previous) => ({ ratingKey: match.item.ratingKey, jump: (previous?.jump ?? 0) + 1 }))
  }

  return (
    <div className="inspector" data-testid="inspector-view">
      <EntriesPanel entries={entries} onBrowse={browse} />
      <FindByFile onShow={show} />
      <ItemBrowser
        listings={listings}
        library={library}
        onLibrary={browse}
        filter={filter}
        onFilter={setFilter}
        found={found}
      />
    </div>
  )
}
