import { useEffect, useRef, useState } from 'react'

/**
 * Asks before erasing the statistics. A native modal <dialog>: it traps focus, closes on Escape
 * and is announced as a dialog, with no script of our own for any of that.
 */
export function ResetStatsDialog({
  open,
  onConfirm,
  onCancel,
}: {
  open: boolean
  onConfirm: () => Promise<void>
  onCancel: () => void
}) {
  const dialog = useRef<HTMLDialogElement>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    const element = dialog.current
    if (element === null) return
    if (open && !element.open) element.showModal()
    if (!open && element.open) element.close()
  }, [open])

  const confirm = async () => {
    setBusy(true)
    try {
      await onConfirm()
    } finally {
      setBusy(false)
    }
  }

  return (
    <dialog
      ref={dialog}
      className="stats-dialog"
      aria-labelledby="reset-stats-title"
      aria-describedby="reset-stats-text"
      data-testid="reset-stats-dialog"
      // Escape closes a modal dialog natively; 'close' tells the parent, so its state stays in step.
      onClose={onCancel}
    >
      <h3 id="reset-stats-title">Reset statistics?</h3>
      <p id="reset-stats-text">
        All hit and miss counts, the history behind the charts and the eviction counts are erased. Cached
        libraries and searches are kept.
      </p>
      <div className="form-actions stats-dialog-actions">
        <button type="button" className="button" data-testid="reset-stats-cancel" onClick={onCancel}>
          Cancel
        </button>
        <button
          type="button"
          className="button stats-button-danger"
          data-testid="reset-stats-confirm"
          disabled={busy}
          onClick={() => void confirm()}
        >
          Reset statistics
        </button>
      </div>
    </dialog>
  )
}
