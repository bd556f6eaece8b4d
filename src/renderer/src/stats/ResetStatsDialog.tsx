import { useState } from 'react'
import { ConfirmDialog } from '../dialogs/ConfirmDialog'

/** Asks before erasing the statistics, in the window's one confirmation dialog. */
export function ResetStatsDialog({
  open,
  onConfirm,
  onCancel,
}: {
  open: boolean
  onConfirm: () => Promise<void>
  onCancel: () => void
}) {
  const [busy, setBusy] = useState(false)

  const confirm = async () => {
    setBusy(true)
    try {
      await onConfirm()
    } finally {
      setBusy(false)
    }
  }

  return (
    <ConfirmDialog
      open={open}
      title="Reset statistics?"
      confirmLabel="Reset statistics"
      busy={busy}
      testId="reset-stats-dialog"
      onCancel={onCancel}
      onConfirm={() => void confirm()}
    >
      <p>
        All hit and miss counts, the history behind the charts and the eviction counts are erased. Cached
        libraries and searches are kept.
      </p>
    </ConfirmDialog>
  )
}
