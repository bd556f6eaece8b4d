import { useState } from 'react'
import { useBridge } from '../bridge/BridgeContext'
import { ConfirmDialog } from '../dialogs/ConfirmDialog'
import { useToasts } from '../toasts/Toasts'

interface Counts {
  libraries: number
  searches: number
}

/** "Clear cache": asks first, saying exactly what goes (counted when asked, not guessed). */
export function ClearCacheButton() {
  const bridge = useBridge()
  const toasts = useToasts()
  const [counts, setCounts] = useState<Counts | null>(null)
  const [busy, setBusy] = useState(false)

  const ask = async () => {
    const entries = await bridge.listEntries()
    if (!entries.ok) return toasts.show('error', entries.error.message)
    const libraries = entries.value.filter((entry) => entry.kind === 'library').length
    setCounts({ libraries, searches: entries.value.length - libraries })
  }

  const clear = async () => {
    setBusy(true)
    const result = await bridge.clear()
    setBusy(false)
    setCounts(null)
    // Success needs no toast: every view re-reads through the 'changed' event and shows it.
    if (!result.ok) toasts.show('error', result.error.message)
  }

  return (
    <>
      <button
        type="button"
        className="button button-danger"
        data-testid="clear-cache"
        onClick={() => void ask()}
      >
        Clear cache
      </button>
      <ConfirmDialog
        open={counts !== null}
        title="Clear the whole cache?"
        confirmLabel="Clear cache"
        busy={busy}
        testId="clear-dialog"
        onCancel={() => setCounts(null)}
        onConfirm={() => void clear()}
      >
        {counts !== null && <ClearSummary counts={counts} />}
      </ConfirmDialog>
    </>
  )
}

function ClearSummary({ counts }: { counts: Counts }) {
  const nothing = counts.libraries === 0 && counts.searches === 0
  return (
    <>
      <p data-testid="clear-summary">
        {nothing ? (
          'The cache holds no libraries or searches right now.'
        ) : (
          <>
            This removes <strong>{plural(counts.libraries, 'cached library', 'cached libraries')}</strong> and{' '}
            <strong>{plural(counts.searches, 'cached search', 'cached searches')}</strong>.
          </>
        )}
      </p>
      <p className="muted">
        Statistics are kept. Libraries are fetched from Plex again the next time they are read or refreshed.
      </p>
    </>
  )
}

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`
}
