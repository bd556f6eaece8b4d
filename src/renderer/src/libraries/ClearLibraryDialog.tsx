import { useState } from 'react'
import { formatBytes } from '../../../shared/format'
import type { LibraryRow } from '../../../shared/service-types'
import { ConfirmDialog } from '../dialogs/ConfirmDialog'

interface Props {
  /** The library to clear; null keeps the dialog closed. */
  library: LibraryRow | null
  onCancel(): void
  onConfirm(key: string): Promise<void>
}

/** One click used to drop a whole library (100,000 items are slow to fetch again): say what goes, and ask. */
export function ClearLibraryDialog({ library, onCancel, onConfirm }: Props) {
  const [busy, setBusy] = useState(false)
  const confirm = async (key: string) => {
    setBusy(true)
    try {
      await onConfirm(key)
    } finally {
      setBusy(false)
    }
  }
  return (
    <ConfirmDialog
      open={library !== null}
      title={library === null ? '' : `Clear ${library.title} from the cache?`}
      confirmLabel="Clear library"
      busy={busy}
      testId="clear-library-dialog"
      onCancel={onCancel}
      onConfirm={() => library !== null && void confirm(library.key)}
    >
      {library !== null && (
        <>
          <p data-testid="clear-library-summary">
            This removes the cached listing of <strong>{library.title}</strong>
            {library.itemCount === null
              ? ''
              : ` (${library.itemCount.toLocaleString()} items, ${formatBytes(library.bytes)})`}{' '}
            and its cached searches.
          </p>
          <p className="muted">
            Statistics are kept. The library is fetched from Plex again the next time it is read or refreshed.
          </p>
        </>
      )}
    </ConfirmDialog>
  )
}
